/** The audited edit use case: validate, audit the attempt, PATCH Partner Center, audit the outcome. */
package io.userdesk.web.edit;
