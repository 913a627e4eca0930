/** Black-box integration tests: the real portal WAR and emulator WAR on Payara Micro, against real PostgreSQL. */
package io.userdesk.web.it;
