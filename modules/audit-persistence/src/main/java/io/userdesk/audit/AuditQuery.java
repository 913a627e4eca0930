package io.userdesk.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link AuditStore#search(AuditQuery)} looks for; every filter is optional and filters combine with AND.
 *
 * <p>Blank strings count as "no filter", so a search form can pass its fields straight through. The time range is
 * half-open ({@code from <= occurredAt < to}) so that consecutive ranges neither overlap nor leave gaps.
 *
 * @param customerId only events for this customer: its (tenant) id exactly, or its name ignoring case
 * @param userId only events for this customer user: their id exactly, or their UPN ignoring case
 * @param actors only events by one of these staff members: actor id exactly, or actor name ignoring case
 *               (empty: any actor)
 * @param eventTypes only events of these types (empty: all types)
 * @param outcome only events with this outcome
 * @param from only events at or after this instant
 * @param to only events before this instant
 * @param pageSize how many events per page, 1 to {@value #MAX_PAGE_SIZE}
 * @param cursor {@link AuditPage#nextCursor()} of the previous page, or null for the first (newest) page
 */
public record AuditQuery(
        String customerId,
        String userId,
        List<String> actors,
        Set<AuditEventType> eventTypes,
        AuditOutcome outcome,
        Instant from,
        Instant to,
        int pageSize,
        String cursor) {

    /** The page size when none is given. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** The largest page a single query may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    // Normalizes blank filters to null and checks the page size and time range.
    public AuditQuery {
        customerId = blankToNull(customerId);
        userId = blankToNull(userId);
        actors = actors == null ? List.of()
                : actors.stream().map(AuditQuery::blankToNull).filter(a -> a != null).map(String::strip).distinct()
                .toList();
        cursor = blankToNull(cursor);
        eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
        }
    }

    /** @return a builder for a first-page query without filters and with {@value #DEFAULT_PAGE_SIZE} per page */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param nextCursor the previous page's {@link AuditPage#nextCursor()}
     * @return the same query, continuing after that page
     */
    public AuditQuery withCursor(String nextCursor) {
        return new AuditQuery(customerId, userId, actors, eventTypes, outcome, from, to, pageSize, nextCursor);
    }

    /**
     * @return the filters that are set, by name, in a stable order: what an export's manifest records
     */
    public Map<String, Object> filters() {
        Map<String, Object> filters = new LinkedHashMap<>();
        if (!actors.isEmpty()) {
            filters.put("actors", actors);
        }
        if (customerId != null) {
            filters.put("customer", customerId);
        }
        if (userId != null) {
            filters.put("user", userId);
        }
        if (!eventTypes.isEmpty()) {
            filters.put("actions", new ArrayList<>(new TreeSet<>(eventTypes.stream().map(Enum::name).toList())));
        }
        if (outcome != null) {
            filters.put("outcome", outcome.name());
        }
        if (from != null) {
            filters.put("from", AuditHashing.formatOccurredAt(from));
        }
        if (to != null) {
            filters.put("to", AuditHashing.formatOccurredAt(to));
        }
        return filters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Collects the filters; not thread-safe. */
    public static final class Builder {

        private String customerId;
        private String userId;
        private final List<String> actors = new ArrayList<>();
        private Set<AuditEventType> eventTypes = Set.of();
        private AuditOutcome outcome;
        private Instant from;
        private Instant to;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private String cursor;

        private Builder() {
        }

        /**
         * Only events for this customer (tenant) id; null for any.
         *
         * @param customerId a customer (tenant) id, or null
         * @return this builder
         */
        public Builder customerId(String customerId) {
            this.customerId = customerId;
            return this;
        }

        /**
         * Only events for this customer user id; null for any.
         *
         * @param userId a customer user id, or null
         * @return this builder
         */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /**
         * Also events whose actor id equals this, or whose actor name equals it ignoring case; null or blank adds
         * nothing. Several actors combine with OR.
         *
         * @param actor an actor id or name, or null
         * @return this builder
         */
        public Builder actor(String actor) {
            if (actor != null && !actor.isBlank()) {
                actors.add(actor);
            }
            return this;
        }

        /**
         * Adds several actors (see {@link #actor(String)}).
         *
         * @param moreActors actor ids or names, or null
         * @return this builder
         */
        public Builder actors(Collection<String> moreActors) {
            if (moreActors != null) {
                moreActors.forEach(this::actor);
            }
            return this;
        }

        /**
         * Only events of these types; null or empty for all.
         *
         * @param eventTypes event types, or null
         * @return this builder
         */
        public Builder eventTypes(Set<AuditEventType> eventTypes) {
            this.eventTypes = eventTypes;
            return this;
        }

        /**
         * Only events with this outcome; null for any.
         *
         * @param outcome an outcome, or null
         * @return this builder
         */
        public Builder outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /**
         * Only events at or after this instant (inclusive); null for no lower bound.
         *
         * @param from the inclusive lower bound, or null
         * @return this builder
         */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /**
         * Only events before this instant (exclusive); null for no upper bound.
         *
         * @param to the exclusive upper bound, or null
         * @return this builder
         */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        /**
         * Events per page, 1 to {@value AuditQuery#MAX_PAGE_SIZE} (default {@value AuditQuery#DEFAULT_PAGE_SIZE}).
         *
         * @param pageSize events per page
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * A previous page's {@link AuditPage#nextCursor()}, or null for the first (newest) page.
         *
         * @param cursor the previous page's next cursor, or null
         * @return this builder
         */
        public Builder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        /**
         * @return the query
         * @throws IllegalArgumentException if the page size or time range is invalid
         */
        public AuditQuery build() {
            return new AuditQuery(customerId, userId, actors, eventTypes, outcome, from, to, pageSize, cursor);
        }
    }
}
