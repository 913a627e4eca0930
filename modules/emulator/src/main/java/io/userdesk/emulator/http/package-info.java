/** The JAX-RS face of the emulator: resources, filters and exception mappers that speak Partner Center's HTTP. */
package io.userdesk.emulator.http;
