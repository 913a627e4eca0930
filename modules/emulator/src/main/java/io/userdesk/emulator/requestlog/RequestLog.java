package io.userdesk.emulator.requestlog;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The calls made to the emulated {@code /v1} API, newest last, so integration tests can assert what a client really
 * sent (tracing headers, PATCH bodies) instead of trusting the client's own account of it. Secrets are masked on the
 * way in ({@link SecretMasking}), so nothing secret is ever held. The log keeps the latest {@value #CAPACITY} calls,
 * which bounds memory in a long-running demo. Thread-safe.
 */
public class RequestLog {
    public static final int CAPACITY = 10_000;

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();
    private long lastSeq;

    /**
     * Records a completed call and returns the entry as kept.
     *
     * @param authorizationHeader the raw header; only its scheme is kept
     * @param body                the raw body; password values are masked before it is kept
     */
    public synchronized RecordedRequest record(Instant receivedAt, String method, String path, String query,
                                               String requestId, String correlationId, String authorizationHeader,
                                               String body, int status) {
        RecordedRequest entry = new RecordedRequest(++lastSeq, receivedAt.toString(), method, path, query, requestId,
                correlationId, SecretMasking.maskAuthorization(authorizationHeader), SecretMasking.maskPasswords(body),
                status);
        entries.addLast(entry);
        while (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
        return entry;
    }

    /** The entries with a sequence number above {@code seq} (all of them for 0), oldest first. */
    public synchronized List<RecordedRequest> since(long seq) {
        return entries.stream().filter(entry -> entry.seq() > seq).toList();
    }

    /** Forgets every entry; sequence numbers keep counting, so a stale {@code since} never matches new entries twice. */
    public synchronized void clear() {
        entries.clear();
    }
}
