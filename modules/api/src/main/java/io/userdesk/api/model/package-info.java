/** Partner Center's JSON resources (customers, customer users, collections, links, faults) as JSON-B beans. */
package io.userdesk.api.model;
