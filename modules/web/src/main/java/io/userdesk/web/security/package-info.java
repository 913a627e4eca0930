/** Who may do what: staff accounts, the session sign-in for pages, MP JWT for the API, and the roles. */
package io.userdesk.web.security;
