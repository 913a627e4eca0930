package io.userdesk.audit;

import java.lang.reflect.Array;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An audit event as the caller hands it to {@link AuditStore#append(NewAuditEvent)}: everything except what only the
 * chain can decide (position, database time, hashes).
 *
 * <p>Why a builder that validates eagerly: an event that cannot be stored or hashed (a fractional number in the
 * details, a NUL character PostgreSQL refuses, a role name containing the separator comma) should fail where it is
 * built, in the caller's code, not later as a misleading "audit trail unavailable". Why a deep, immutable copy of the
 * details and their canonical JSON fixed at build time: the text that is hashed must be exactly the text that is
 * stored, whatever the caller does to its own map afterwards.
 *
 * <pre>{@code
 * NewAuditEvent event = NewAuditEvent.builder(AuditEventType.USER_UPDATE_ATTEMPT, AuditOutcome.PENDING)
 *         .actor("alice", "Alice Agent", Set.of("agent"))
 *         .client("10.0.0.7", "Mozilla/5.0")
 *         .customer(customerId, "Contoso")
 *         .user(userId, "bob@contoso.example")
 *         .correlationId(correlationId)
 *         .details(Map.of("changed", List.of("displayName")))
 *         .build();
 * }</pre>
 */
public final class NewAuditEvent {

    private final UUID eventId;
    private final AuditEventType eventType;
    private final AuditOutcome outcome;
    private final String actorId;
    private final String actorName;
    private final List<String> actorRoles;
    private final String clientIp;
    private final String userAgent;
    private final String customerId;
    private final String customerName;
    private final String userId;
    private final String userPrincipalName;
    private final String correlationId;
    private final String requestId;
    private final Integer httpStatus;
    private final String errorCode;
    private final String errorDescription;
    private final Long durationMs;
    private final Map<String, Object> details;
    private final String detailsJson;

    private NewAuditEvent(Builder b) {
        this.eventId = TimeOrderedUuid.next(Clock.systemUTC());
        this.eventType = b.eventType;
        this.outcome = b.outcome;
        this.actorId = storable("actorId", b.actorId);
        if (actorId == null || actorId.isBlank()) {
            throw new IllegalArgumentException("actorId is required: call actor(id, name, roles) with a non-blank id");
        }
        this.actorName = storable("actorName", b.actorName);
        this.actorRoles = sortedRoles(b.actorRoles);
        this.clientIp = storable("clientIp", b.clientIp);
        this.userAgent = storable("userAgent", b.userAgent);
        this.customerId = storable("customerId", b.customerId);
        this.customerName = storable("customerName", b.customerName);
        this.userId = storable("userId", b.userId);
        this.userPrincipalName = storable("userPrincipalName", b.userPrincipalName);
        this.correlationId = storable("correlationId", b.correlationId);
        this.requestId = storable("requestId", b.requestId);
        this.httpStatus = b.httpStatus;
        this.errorCode = storable("errorCode", b.errorCode);
        this.errorDescription = storable("errorDescription", b.errorDescription);
        this.durationMs = b.durationMs;
        this.details = deepCopyOfMap(b.details == null ? Map.of() : b.details, "details");
        this.detailsJson = CanonicalJson.write(details);
    }

    /**
     * Starts an event.
     *
     * @param eventType what happened
     * @param outcome how it ended (use {@link AuditOutcome#PENDING} for an attempt)
     * @return a builder; {@link Builder#actor} must be called before {@link Builder#build()}
     */
    public static Builder builder(AuditEventType eventType, AuditOutcome outcome) {
        return new Builder(eventType, outcome);
    }

    /** @return the event's id, generated when it was built; the table keeps it unique, so an event is stored once */
    public UUID eventId() {
        return eventId;
    }

    /** @return what happened */
    public AuditEventType eventType() {
        return eventType;
    }

    /** @return how it ended */
    public AuditOutcome outcome() {
        return outcome;
    }

    /** @return the acting staff member's stable id (never null or blank) */
    public String actorId() {
        return actorId;
    }

    /** @return the acting staff member's display name, or null */
    public String actorName() {
        return actorName;
    }

    /** @return the actor's roles, sorted and without duplicates (empty, never null) */
    public List<String> actorRoles() {
        return actorRoles;
    }

    /** @return the client's IP address, or null */
    public String clientIp() {
        return clientIp;
    }

    /** @return the client's User-Agent header, or null */
    public String userAgent() {
        return userAgent;
    }

    /** @return the Partner Center customer (tenant) id, or null */
    public String customerId() {
        return customerId;
    }

    /** @return the customer's display name at the time of the event, or null */
    public String customerName() {
        return customerName;
    }

    /** @return the customer user's id, or null */
    public String userId() {
        return userId;
    }

    /** @return the customer user's user principal name at the time of the event, or null */
    public String userPrincipalName() {
        return userPrincipalName;
    }

    /** @return the id that ties an attempt to its outcome, or null */
    public String correlationId() {
        return correlationId;
    }

    /** @return the id of the HTTP request (or remote call) that caused the event, or null */
    public String requestId() {
        return requestId;
    }

    /** @return the remote HTTP status, or null */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** @return the remote or local error code, or null */
    public String errorCode() {
        return errorCode;
    }

    /** @return the error's description, or null */
    public String errorDescription() {
        return errorDescription;
    }

    /** @return how long the audited call took in milliseconds, or null */
    public Long durationMs() {
        return durationMs;
    }

    /** @return an immutable deep copy of the details, in the caller's order (empty, never null) */
    public Map<String, Object> details() {
        return details;
    }

    /** @return the details as {@link CanonicalJson}: exactly the text that is stored and hashed */
    public String detailsJson() {
        return detailsJson;
    }

    @Override
    public String toString() {
        return "NewAuditEvent[" + eventId + ' ' + eventType + ' ' + outcome + " actor=" + actorId + ']';
    }

    private static String storable(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " must not contain NUL characters (PostgreSQL text cannot store them)");
        }
        if (value != null) {
            // the same Unicode check the hash applies later; failing here names the field
            try {
                CanonicalJson.write(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
            }
        }
        return value;
    }

    private static List<String> sortedRoles(Collection<String> roles) {
        if (roles == null) {
            return List.of();
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String role : roles) {
            if (role == null || role.isBlank() || role.indexOf(',') >= 0) {
                throw new IllegalArgumentException(
                        "actor roles must be non-blank and must not contain ',' (they are stored comma-separated): " + role);
            }
            sorted.add(storable("actorRoles", role));
        }
        return List.copyOf(sorted);
    }

    private static Map<String, Object> deepCopyOfMap(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": keys must be Strings, not "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            copy.put(key, deepCopy(entry.getValue(), path + '.' + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object deepCopy(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return deepCopyOfMap(map, path);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(deepCopy(list.get(i), path + '[' + i + ']'));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> copy = new ArrayList<>(Array.getLength(value));
            for (int i = 0; i < Array.getLength(value); i++) {
                copy.add(deepCopy(Array.get(value, i), path + '[' + i + ']'));
            }
            return Collections.unmodifiableList(copy);
        }
        // scalars are immutable or are rejected by CanonicalJson right after the copy
        return value;
    }

    /** Collects an event's fields; not thread-safe, use one builder per event. */
    public static final class Builder {

        private final AuditEventType eventType;
        private final AuditOutcome outcome;
        private String actorId;
        private String actorName;
        private Collection<String> actorRoles;
        private String clientIp;
        private String userAgent;
        private String customerId;
        private String customerName;
        private String userId;
        private String userPrincipalName;
        private String correlationId;
        private String requestId;
        private Integer httpStatus;
        private String errorCode;
        private String errorDescription;
        private Long durationMs;
        private Map<String, ?> details;

        private Builder(AuditEventType eventType, AuditOutcome outcome) {
            this.eventType = Objects.requireNonNull(eventType, "eventType");
            this.outcome = Objects.requireNonNull(outcome, "outcome");
        }

        /**
         * @param id the staff member's stable id (required, non-blank)
         * @param name display name, or null
         * @param roles role names (sorted and de-duplicated when built), or null for none
         * @return this builder
         */
        public Builder actor(String id, String name, Collection<String> roles) {
            this.actorId = id;
            this.actorName = name;
            this.actorRoles = roles == null ? null : new ArrayList<>(roles);
            return this;
        }

        /**
         * @param ip the client's IP address, or null
         * @param userAgent the client's User-Agent header, or null
         * @return this builder
         */
        public Builder client(String ip, String userAgent) {
            this.clientIp = ip;
            this.userAgent = userAgent;
            return this;
        }

        /**
         * @param id the Partner Center customer (tenant) id, or null
         * @param name the customer's display name, or null
         * @return this builder
         */
        public Builder customer(String id, String name) {
            this.customerId = id;
            this.customerName = name;
            return this;
        }

        /**
         * @param id the customer user's id, or null
         * @param userPrincipalName the customer user's UPN, or null
         * @return this builder
         */
        public Builder user(String id, String userPrincipalName) {
            this.userId = id;
            this.userPrincipalName = userPrincipalName;
            return this;
        }

        /**
         * @param correlationId ties an attempt to its outcome; or null
         * @return this builder
         */
        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        /**
         * @param requestId the HTTP request's (or remote call's) id; or null
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * @param httpStatus the remote HTTP status, or null
         * @return this builder
         */
        public Builder httpStatus(Integer httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /**
         * @param code the error code, or null
         * @param description the error description, or null
         * @return this builder
         */
        public Builder error(String code, String description) {
            this.errorCode = code;
            this.errorDescription = description;
            return this;
        }

        /**
         * @param durationMs how long the audited call took, or null
         * @return this builder
         */
        public Builder durationMs(Long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        /**
         * @param details JSON-able values (String, integer Number, Boolean, null, Map, List) in the order to show them;
         *                secrets are refused when appended (see {@link AuditStore#append}); null means none
         * @return this builder
         */
        public Builder details(Map<String, ?> details) {
            this.details = details;
            return this;
        }

        /**
         * @return the immutable event, with a fresh random event id
         * @throws IllegalArgumentException if the actor id is missing or a value cannot be stored and hashed exactly
         */
        public NewAuditEvent build() {
            return new NewAuditEvent(this);
        }
    }
}
