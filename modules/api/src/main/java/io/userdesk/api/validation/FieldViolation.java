package io.userdesk.api.validation;

import java.util.List;

/**
 * One broken rule on one field. {@code field} is the JSON property path ({@code usageLocation},
 * {@code passwordProfile.password}); {@code code} is a stable key for translations and tooling; {@code message}
 * is the English text shown to people; {@code arguments} are the values the message quotes (limits, lengths, the
 * offending character or domain), in order, so a translation keyed by {@code code} can say the same thing.
 */
public record FieldViolation(String field, String code, String message, List<Object> arguments) {

    public FieldViolation {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** A violation whose message quotes no value. */
    public FieldViolation(String field, String code, String message) {
        this(field, code, message, List.of());
    }
}
