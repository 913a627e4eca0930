/** Faults on demand (latency, throttling, errors, hangs, dropped connections, malformed bodies) for client tests. */
package io.userdesk.emulator.faults;
