/** Start-up wiring: datasource, required configuration, schema migrations, demo accounts and the API signing key. */
package io.userdesk.web.config;
