/** The JAX-RS contract of the Partner Center endpoints UserDesk uses, shared by the client and the emulator. */
package io.userdesk.api.rest;
