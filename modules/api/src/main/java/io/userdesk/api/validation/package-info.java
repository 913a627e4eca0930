/** Field rules for customer-user changes, written once and used by the UI, the portal API and the emulator. */
package io.userdesk.api.validation;
