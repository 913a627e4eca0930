package io.userdesk.web.audit;

import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditOutcome;
import io.userdesk.audit.AuditQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the reviewer's filter text (page fields, API query parameters) into an {@link AuditQuery}, with one clear
 * message per bad value, so the pages and the API accept exactly the same filters.
 */
public final class AuditFilters {

    private AuditFilters() {
    }

    /**
     * @param actors actor ids or names; each value may itself list several, separated by commas
     * @param customer customer id or name
     * @param user user id or UPN
     * @param actions event type names (each may list several, comma-separated), case-insensitive
     * @param outcome an outcome name, case-insensitive
     * @param from ISO-8601 instant ({@code 2026-11-26T10:00:00Z}) or date ({@code 2026-11-26}, start of day UTC)
     * @param to ISO-8601 instant or date (exclusive; a date means the end of that day)
     * @return a query builder with those filters
     * @throws IllegalArgumentException naming the bad value
     */
    public static AuditQuery.Builder parse(Collection<String> actors, String customer, String user,
                                           Collection<String> actions, String outcome, String from, String to) {
        AuditQuery.Builder builder = AuditQuery.builder()
                .actors(split(actors))
                .customerId(customer == null ? null : customer.strip())
                .userId(user == null ? null : user.strip())
                .eventTypes(types(split(actions)))
                .outcome(outcome(outcome))
                .from(instant("from", from, false))
                .to(instant("to", to, true));
        return builder;
    }

    static List<String> split(Collection<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null)
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().toList();
    }

    private static Set<AuditEventType> types(List<String> names) {
        Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
        for (String name : names) {
            try {
                types.add(AuditEventType.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("action: unknown action '" + name + "'; use one of "
                        + Arrays.stream(AuditEventType.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return types;
    }

    private static AuditOutcome outcome(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome: unknown outcome '" + name + "'; use one of "
                    + Arrays.stream(AuditOutcome.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static Instant instant(String field, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException(field + ": '" + value
                        + "' is neither an ISO-8601 instant (2026-11-26T10:00:00Z) nor a date (2026-11-26)");
            }
        }
    }
}
