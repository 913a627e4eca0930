package io.userdesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The hash-chain rule of the audit trail.
 *
 * <p>Why a chain: the database triggers stop ordinary UPDATE/DELETE/TRUNCATE, but the table owner or a superuser can
 * disable them. Each event's hash covers its own content and the previous event's hash, so changing, removing or
 * inserting a row anywhere breaks every later link, which {@link AuditStore#verify()} detects. (Rewriting the whole
 * tail after the change cannot be detected from inside the database: compare the newest hash with a copy kept
 * elsewhere for that.)
 *
 * <h2>Rule</h2>
 * {@code hash = lowercase hex( SHA-256( UTF-8( CanonicalJson.write(content) ) ) )}, 64 characters, where
 * {@code content} is a JSON object with exactly these 22 members (written in sorted key order by
 * {@link CanonicalJson}):
 * <ul>
 *   <li>{@code seq}: number, the chain position (first event 1);</li>
 *   <li>{@code eventId}: string, the UUID in lower-case 8-4-4-4-12 form;</li>
 *   <li>{@code occurredAt}: string, UTC in ISO-8601 with exactly six fractional digits, e.g.
 *       {@code 2026-11-26T14:53:11.123456Z} (PostgreSQL keeps microseconds, so the time is truncated to microseconds
 *       before it is stored and hashed);</li>
 *   <li>{@code eventType}, {@code outcome}: strings, the stored names (e.g. {@code USER_UPDATE_ATTEMPT},
 *       {@code PENDING});</li>
 *   <li>{@code actorId}, {@code actorName}: strings;</li>
 *   <li>{@code actorRoles}: array of strings, sorted (the stored comma-separated column split at {@code ,};
 *       an empty array when the column is NULL);</li>
 *   <li>{@code clientIp}, {@code userAgent}, {@code customerId}, {@code customerName}, {@code userId},
 *       {@code userPrincipalName}, {@code correlationId}, {@code requestId}: strings;</li>
 *   <li>{@code httpStatus}, {@code durationMs}: numbers;</li>
 *   <li>{@code errorCode}, {@code errorDescription}: strings;</li>
 *   <li>{@code details}: string, the stored canonical details JSON <em>as a JSON string</em> (it is not parsed and
 *       re-embedded as an object, so the hash covers the stored bytes);</li>
 *   <li>{@code prevHash}: string, the previous event's {@code hash}, or {@link #GENESIS_HASH} (64 zeros) for
 *       seq 1.</li>
 * </ul>
 * A column that is NULL is the member with value {@code null} (the member is never left out).
 */
public final class AuditHashing {

    /** The {@code prevHash} of the first event: 64 zeros. */
    public static final String GENESIS_HASH = "0000000000000000000000000000000000000000000000000000000000000000";

    private static final DateTimeFormatter MICROSECOND_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AuditHashing() {
    }

    /**
     * Recomputes a stored event's hash from its content (its {@code hash} component is not read).
     *
     * @param event a stored event
     * @return the 64-character lower-case hex hash the event must carry
     */
    public static String hashOf(AuditEvent event) {
        return sha256Hex(canonicalContent(event));
    }

    /**
     * The exact text that is hashed for an event: useful to check a hash with other tools
     * ({@code printf '%s' "$content" | sha256sum}).
     *
     * @param event a stored event (its {@code hash} component is not read)
     * @return the canonical JSON content object
     */
    public static String canonicalContent(AuditEvent event) {
        return canonical(event.seq(), event.eventId(), event.occurredAt(), event.eventType(),
                event.outcome(), event.actorId(), event.actorName(), event.actorRoles(), event.clientIp(),
                event.userAgent(), event.customerId(), event.customerName(), event.userId(),
                event.userPrincipalName(), event.correlationId(), event.requestId(), event.httpStatus(),
                event.errorCode(), event.errorDescription(), event.durationMs(), event.details(), event.prevHash());
    }

    /**
     * The canonical content with the stored {@code hash} member added at its sorted place (between {@code eventType}
     * and {@code httpStatus}): one line of an export's events.jsonl, written in one pass.
     *
     * @param event a stored event
     * @return the 23-member canonical JSON object
     */
    public static String canonicalContentWithHash(AuditEvent event) {
        StringBuilder out = new StringBuilder(600 + (event.details() == null ? 0 : event.details().length() * 2));
        writeCanonical(out, null, event.hash(), event.seq(), event.eventId(), formatOccurredAt(event.occurredAt()),
                event.eventType(), event.outcome(), event.actorId(), event.actorName(), event.actorRoles(),
                event.clientIp(), event.userAgent(), event.customerId(), event.customerName(), event.userId(),
                event.userPrincipalName(), event.correlationId(), event.requestId(), event.httpStatus(),
                event.errorCode(), event.errorDescription(), event.durationMs(), event.details(), event.prevHash());
        return out.toString();
    }

    /**
     * Formats a time the way it is hashed.
     *
     * @param instant any instant (anything finer than microseconds is cut off)
     * @return e.g. {@code 2026-11-26T14:53:11.123456Z}
     */
    public static String formatOccurredAt(Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return MICROSECOND_UTC.format(instant.truncatedTo(ChronoUnit.MICROS));
        }
        // the formatter's output, written by hand: this runs for every event verified or exported
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(text, 0, t.getYear(), 4);
        digits(text, 5, t.getMonthValue(), 2);
        digits(text, 8, t.getDayOfMonth(), 2);
        digits(text, 11, t.getHour(), 2);
        digits(text, 14, t.getMinute(), 2);
        digits(text, 17, t.getSecond(), 2);
        digits(text, 20, instant.getNano() / 1000, 6);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The hash a new event will carry once stored at {@code seq} with {@code occurredAt} after {@code prevHash}. */
    static String hashOf(long seq, Instant occurredAt, NewAuditEvent event, String prevHash) {
        return sha256Hex(canonical(seq, event.eventId(), occurredAt, event.eventType().name(),
                event.outcome().name(), event.actorId(), event.actorName(), event.actorRoles(), event.clientIp(),
                event.userAgent(), event.customerId(), event.customerName(), event.userId(),
                event.userPrincipalName(), event.correlationId(), event.requestId(), event.httpStatus(),
                event.errorCode(), event.errorDescription(), event.durationMs(), event.detailsJson(), prevHash));
    }

    /**
     * The canonical content written directly in its sorted member order, without building and sorting a map: the same
     * text as {@code CanonicalJson.write(content(...))} (a test holds the two equal), several times faster, which is
     * what verification and export of millions of events spend their time on.
     */
    static String canonical(long seq, UUID eventId, Instant occurredAt, String eventType,
            String outcome, String actorId, String actorName, List<String> actorRoles, String clientIp,
            String userAgent, String customerId, String customerName, String userId, String userPrincipalName,
            String correlationId, String requestId, Integer httpStatus, String errorCode, String errorDescription,
            Long durationMs, String details, String prevHash) {
        StringBuilder out = new StringBuilder(512 + (details == null ? 0 : details.length() * 2));
        writeCanonical(out, null, null, seq, eventId, formatOccurredAt(occurredAt), eventType, outcome, actorId, actorName,
                actorRoles, clientIp, userAgent, customerId, customerName, userId, userPrincipalName, correlationId,
                requestId, httpStatus, errorCode, errorDescription, durationMs, details, prevHash);
        return out.toString();
    }

    /**
     * The canonical content of a new event cut around the three values only known under the chain lock
     * ({@code occurredAt}, {@code prevHash}, {@code seq}), so the database can complete and hash it in the same round
     * trip as the INSERT (migration {@code V4__audit_append_function.sql}). The content is
     * {@code parts[0] + '"' + occurredAt + '"' + parts[1] + '"' + prevHash + '"' + parts[2] + seq + parts[3]}, written
     * by the same code as {@link #canonical}, so both give the same text.
     *
     * @param event the new event
     * @return the four constant parts
     */
    static String[] canonicalParts(NewAuditEvent event) {
        StringBuilder out = new StringBuilder(512 + event.detailsJson().length() * 2);
        int[] cuts = new int[3];
        writeCanonical(out, cuts, null, 0, event.eventId(), null, event.eventType().name(), event.outcome().name(),
                event.actorId(), event.actorName(), event.actorRoles(), event.clientIp(), event.userAgent(),
                event.customerId(), event.customerName(), event.userId(), event.userPrincipalName(),
                event.correlationId(), event.requestId(), event.httpStatus(), event.errorCode(),
                event.errorDescription(), event.durationMs(), event.detailsJson(), null);
        return new String[] {out.substring(0, cuts[0]), out.substring(cuts[0], cuts[1]),
            out.substring(cuts[1], cuts[2]), out.substring(cuts[2])};
    }

    /**
     * Writes the canonical content. With {@code cuts} (occurredAt, seq and prevHash then unknown) it writes nothing for
     * those three values and records where they belong instead.
     */
    private static void writeCanonical(StringBuilder out, int[] cuts, String hashMember, long seq, UUID eventId,
            String occurredAt,
            String eventType, String outcome, String actorId, String actorName, List<String> actorRoles,
            String clientIp, String userAgent, String customerId, String customerName, String userId,
            String userPrincipalName, String correlationId, String requestId, Integer httpStatus, String errorCode,
            String errorDescription, Long durationMs, String details, String prevHash) {
        out.append("{\"actorId\":");
        string(actorId, out);
        out.append(",\"actorName\":");
        string(actorName, out);
        out.append(",\"actorRoles\":[");
        if (actorRoles != null) {
            for (int i = 0; i < actorRoles.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(actorRoles.get(i), out);
            }
        }
        out.append("],\"clientIp\":");
        string(clientIp, out);
        out.append(",\"correlationId\":");
        string(correlationId, out);
        out.append(",\"customerId\":");
        string(customerId, out);
        out.append(",\"customerName\":");
        string(customerName, out);
        out.append(",\"details\":");
        string(details, out);
        out.append(",\"durationMs\":");
        if (durationMs == null) {
            out.append("null");
        } else {
            out.append(durationMs.longValue());
        }
        out.append(",\"errorCode\":");
        string(errorCode, out);
        out.append(",\"errorDescription\":");
        string(errorDescription, out);
        out.append(",\"eventId\":\"").append(eventId.toString()).append('"');
        out.append(",\"eventType\":");
        string(eventType, out);
        if (hashMember != null) {
            out.append(",\"hash\":");
            string(hashMember, out);
        }
        out.append(",\"httpStatus\":");
        if (httpStatus == null) {
            out.append("null");
        } else {
            out.append(httpStatus.intValue());
        }
        out.append(",\"occurredAt\":");
        if (cuts == null) {
            out.append('"').append(occurredAt).append('"');
        } else {
            cuts[0] = out.length();
        }
        out.append(",\"outcome\":");
        string(outcome, out);
        out.append(",\"prevHash\":");
        if (cuts == null) {
            string(prevHash, out);
        } else {
            cuts[1] = out.length();
        }
        out.append(",\"requestId\":");
        string(requestId, out);
        out.append(",\"seq\":");
        if (cuts == null) {
            out.append(seq);
        } else {
            cuts[2] = out.length();
        }
        out.append(",\"userAgent\":");
        string(userAgent, out);
        out.append(",\"userId\":");
        string(userId, out);
        out.append(",\"userPrincipalName\":");
        string(userPrincipalName, out);
        out.append('}');
    }

    private static void string(String value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else {
            CanonicalJson.writeString(value, out);
        }
    }

    // one parameter per hashed member, in the documented order, so the rule can be read off the signature; the
    // reference form that canonical(...) must reproduce exactly
    static Map<String, Object> content(long seq, UUID eventId, Instant occurredAt, String eventType,
            String outcome, String actorId, String actorName, List<String> actorRoles, String clientIp,
            String userAgent, String customerId, String customerName, String userId, String userPrincipalName,
            String correlationId, String requestId, Integer httpStatus, String errorCode, String errorDescription,
            Long durationMs, String details, String prevHash) {
        Map<String, Object> content = new HashMap<>();
        content.put("seq", seq);
        content.put("eventId", eventId.toString());
        content.put("occurredAt", formatOccurredAt(occurredAt));
        content.put("eventType", eventType);
        content.put("outcome", outcome);
        content.put("actorId", actorId);
        content.put("actorName", actorName);
        content.put("actorRoles", actorRoles == null ? List.of() : actorRoles);
        content.put("clientIp", clientIp);
        content.put("userAgent", userAgent);
        content.put("customerId", customerId);
        content.put("customerName", customerName);
        content.put("userId", userId);
        content.put("userPrincipalName", userPrincipalName);
        content.put("correlationId", correlationId);
        content.put("requestId", requestId);
        content.put("httpStatus", httpStatus);
        content.put("errorCode", errorCode);
        content.put("errorDescription", errorDescription);
        content.put("durationMs", durationMs);
        content.put("details", details);
        content.put("prevHash", prevHash);
        return content;
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    });

    private static String sha256Hex(String text) {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
