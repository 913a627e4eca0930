/** What each viewer chose for language, theme and time zone: remembered per staff member, and before sign-in by cookie. */
package io.userdesk.web.preferences;
