package io.userdesk.web.preferences;

/**
 * A staff member's saved choices. {@code null} means "not chosen": the browser's language and the system's colour
 * scheme apply.
 */
public record StaffPreference(String language, String theme) {
}
