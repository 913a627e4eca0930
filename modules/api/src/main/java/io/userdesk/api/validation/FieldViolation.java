package io.userdesk.api.validation;

/**
 * One broken rule on one field. {@code field} is the JSON property path ({@code usageLocation},
 * {@code passwordProfile.password}); {@code code} is a stable key for translations and tooling; {@code message}
 * is the English text shown to people.
 */
public record FieldViolation(String field, String code, String message) {
}
