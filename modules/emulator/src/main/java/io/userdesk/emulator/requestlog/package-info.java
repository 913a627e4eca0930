/** The record of calls made to the emulated Partner Center, with secrets masked, for tests to inspect. */
package io.userdesk.emulator.requestlog;
