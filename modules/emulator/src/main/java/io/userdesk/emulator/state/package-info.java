/** The emulator's in-memory Partner Center: customers, users, paging and PATCH rules, free of HTTP and CDI. */
package io.userdesk.emulator.state;
