package io.userdesk.web.audit;

import io.userdesk.audit.AuditCheckpoint;
import io.userdesk.audit.AuditEvent;
import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditOutcome;
import io.userdesk.audit.AuditPage;
import io.userdesk.audit.AuditQuery;
import io.userdesk.audit.AuditSigningKey;
import io.userdesk.audit.AuditStore;
import io.userdesk.audit.ChainVerification;
import io.userdesk.audit.NewAuditEvent;
import io.userdesk.audit.export.ExportBundleWriter;
import io.userdesk.audit.export.ExportSummary;
import io.userdesk.web.edit.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a reviewer does with the trail (search, open an event, verify, export), each recorded as an event of the
 * trail itself: who looked at what is as much evidence as who changed what.
 *
 * <p>Why one place for the pages and the API: both must record the same event with the same fields, and an export
 * must always be covered by a freshly signed checkpoint. The read is recorded <em>before</em> the data is handed
 * out, so that a reviewer cannot read without a trace (if the record cannot be written, nothing is shown); a search
 * runs just before its record, so its results do not start with the reviewer's own read.
 */
@ApplicationScoped
public class AuditReview {

    @Inject
    AuditStore audit;

    @Inject
    AuditSigningKey signingKey;

    /**
     * @param reviewer who searches
     * @param query the filters and page
     * @return the page
     */
    public AuditPage search(Actor reviewer, AuditQuery query) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("read", "search");
        details.put("filters", query.filters());
        details.put("page", query.cursor() == null ? "first" : "next");
        // searched first so the reviewer's own read is not the newest row of what they asked for; recorded before
        // anything is handed out
        AuditPage page = audit.search(query);
        record(reviewer, AuditEventType.AUDIT_READ, details);
        return page;
    }

    /**
     * @param reviewer who opens the event
     * @param seq the event's chain position
     * @return the event, if it exists
     */
    public Optional<AuditEvent> open(Actor reviewer, long seq) {
        record(reviewer, AuditEventType.AUDIT_READ, Map.of("read", "event", "seq", seq));
        return audit.findBySeq(seq);
    }

    /**
     * @param reviewer who verifies
     * @param fromSeq the first seq, or null for the start
     * @param toSeq the last seq, or null for the end
     * @return the result (the verification event itself is appended after the check, so it is not part of it)
     */
    public ChainVerification verify(Actor reviewer, Long fromSeq, Long toSeq) {
        ChainVerification result = audit.verify(fromSeq == null ? 1 : fromSeq, toSeq == null ? Long.MAX_VALUE : toSeq);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromSeq", fromSeq);
        details.put("toSeq", toSeq);
        details.put("valid", result.valid());
        details.put("eventsChecked", result.eventsChecked());
        details.put("firstInvalidSeq", result.firstInvalidSeq());
        details.put("firstInvalidEventId",
                result.firstInvalidEventId() == null ? null : result.firstInvalidEventId().toString());
        NewAuditEvent.Builder event = builder(reviewer, AuditEventType.AUDIT_VERIFIED,
                result.valid() ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED);
        audit.append(event.details(details).build());
        return result;
    }

    /**
     * Records the export, signs a checkpoint covering it, and streams the bundle.
     *
     * @param reviewer who exports
     * @param filters which events
     * @param out where the ZIP goes
     * @return what was exported
     */
    public ExportSummary export(Actor reviewer, AuditQuery filters, OutputStream out) {
        return stream(reviewer, filters, prepareExport(reviewer, filters), out);
    }

    /**
     * The part of an export that can fail cleanly, before any byte is sent: records the export and signs the
     * checkpoint that will cover it.
     *
     * @param reviewer who exports
     * @param filters which events
     * @return the covering checkpoint, for {@link #stream}
     */
    public AuditCheckpoint prepareExport(Actor reviewer, AuditQuery filters) {
        record(reviewer, AuditEventType.AUDIT_EXPORTED, Map.of("filters", filters.filters(),
                "formats", java.util.List.of("csv", "jsonl")));
        return audit.checkpoint(signingKey).orElseThrow(() -> new IllegalStateException("the audit trail is empty"));
    }

    /**
     * Streams the bundle prepared by {@link #prepareExport}.
     *
     * @param reviewer who exports
     * @param filters which events
     * @param covering the checkpoint from {@link #prepareExport}
     * @param out where the ZIP goes
     * @return what was exported
     */
    public ExportSummary stream(Actor reviewer, AuditQuery filters, AuditCheckpoint covering, OutputStream out) {
        return ExportBundleWriter.write(audit, filters, covering, reviewer.id(), Instant.now(), out);
    }

    /** @return the audit signing key's public half */
    public AuditSigningKey signingKey() {
        return signingKey;
    }

    private void record(Actor reviewer, AuditEventType type, Map<String, ?> details) {
        audit.append(builder(reviewer, type, AuditOutcome.SUCCEEDED).details(details).build());
    }

    private static NewAuditEvent.Builder builder(Actor reviewer, AuditEventType type, AuditOutcome outcome) {
        return NewAuditEvent.builder(type, outcome)
                .actor(reviewer.id(), reviewer.displayName(), reviewer.roles())
                .client(reviewer.clientIp(), reviewer.userAgent());
    }
}
