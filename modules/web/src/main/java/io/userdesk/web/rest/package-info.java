/** The portal REST API for staff tooling, secured with MicroProfile JWT, answering problem JSON on errors. */
package io.userdesk.web.rest;
