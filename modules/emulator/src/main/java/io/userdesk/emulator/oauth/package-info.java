/** The emulator's stand-in for the Microsoft identity platform's App+User token endpoint (refresh-token grant). */
package io.userdesk.emulator.oauth;
