/** The bundled seed fixture: its JSON shape and how it is read from the class path. */
package io.userdesk.emulator.seed;
