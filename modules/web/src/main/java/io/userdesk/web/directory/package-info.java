/** Finding customers and their users through Partner Center's continuation-token paging. */
package io.userdesk.web.directory;
