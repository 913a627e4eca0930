/** Backing beans of the Faces pages; thin, holding view state and delegating to the services. */
package io.userdesk.web.view;
