package io.userdesk.audit;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Checks events one at a time, in seq order, against the chain rule and the signed checkpoints.
 *
 * <p>Why a separate, storage-free class: the same rule must give the same answer in the portal (rows streamed from
 * PostgreSQL) and in the offline verifier (rows read from an export file), so neither may have its own copy of it.
 * Not thread-safe: one checker per pass.
 */
public final class ChainChecker {

    private final NavigableMap<Long, AuditCheckpoint> checkpointsBySeq = new TreeMap<>();
    private long checked;
    private long expectedSeq;
    private String expectedPrevHash;
    private ChainVerification failure;

    /**
     * @param firstSeq the seq the pass starts at (1 for the whole chain)
     * @param prevHash the hash of event {@code firstSeq - 1} ({@link AuditHashing#GENESIS_HASH} when firstSeq is 1),
     *                 or null to accept whatever the first event names (a range whose predecessor is unknown)
     * @param checkpoints the signed checkpoints to hold the chain to (a checkpoint must match the event at its seq)
     */
    public ChainChecker(long firstSeq, String prevHash, Iterable<AuditCheckpoint> checkpoints) {
        this.expectedSeq = firstSeq;
        this.expectedPrevHash = firstSeq == 1 ? AuditHashing.GENESIS_HASH : prevHash;
        for (AuditCheckpoint checkpoint : checkpoints) {
            checkpointsBySeq.put(checkpoint.uptoSeq(), checkpoint);
        }
    }

    /**
     * @param event the next event in seq order
     * @return false once the chain is broken (at this event or before); later events are then ignored
     */
    public boolean accept(AuditEvent event) {
        if (failure != null) {
            return false;
        }
        checked++;
        if (event.seq() != expectedSeq) {
            return fail(event, "expected seq " + expectedSeq + " but found "
                    + event.seq() + ": an event was removed, inserted or moved");
        }
        if (expectedPrevHash != null && !event.prevHash().equals(expectedPrevHash)) {
            return fail(event, "prev_hash does not match the hash of "
                    + (expectedSeq == 1 ? "the genesis" : "event " + (expectedSeq - 1))
                    + ": an event before it was removed, inserted or moved");
        }
        String recomputed;
        try {
            recomputed = AuditHashing.hashOf(event);
        } catch (IllegalArgumentException e) {
            return fail(event, "the row cannot be hashed: " + e.getMessage());
        }
        if (!recomputed.equals(event.hash())) {
            return fail(event, "the stored hash does not match the event's content: the event was changed");
        }
        AuditCheckpoint checkpoint = checkpointsBySeq.get(event.seq());
        if (checkpoint != null) {
            if (!checkpoint.signatureValid()) {
                return fail(event, "signed checkpoint " + checkpoint.checkpointNo() + " has an invalid signature");
            }
            if (!checkpoint.headHash().equals(event.hash())) {
                return fail(event, "the hash differs from signed checkpoint " + checkpoint.checkpointNo()
                        + ": this event, or one before it, was rewritten");
            }
        }
        expectedSeq++;
        expectedPrevHash = event.hash();
        return true;
    }

    /**
     * Ends the pass.
     *
     * @param lastSeqExpected the seq the pass must end at (e.g. a covering checkpoint's), or null for "any"
     * @return the result
     */
    public ChainVerification finish(Long lastSeqExpected) {
        if (failure != null) {
            return failure;
        }
        long lastChecked = expectedSeq - 1;
        if (lastSeqExpected != null && lastChecked < lastSeqExpected) {
            return ChainVerification.brokenAt(checked, lastChecked + 1, null, "events " + (lastChecked + 1)
                    + " to " + lastSeqExpected + " are missing: the signed checkpoint covers seq " + lastSeqExpected);
        }
        Map.Entry<Long, AuditCheckpoint> beyond = checkpointsBySeq.higherEntry(lastChecked);
        if (lastSeqExpected == null && beyond != null) {
            return ChainVerification.brokenAt(checked, lastChecked + 1, null, "signed checkpoint "
                    + beyond.getValue().checkpointNo() + " covers seq " + beyond.getKey() + " but the chain ends at "
                    + lastChecked + ": the newest events were removed");
        }
        return ChainVerification.intact(checked);
    }

    private boolean fail(AuditEvent event, String reason) {
        failure = ChainVerification.brokenAt(checked, event.seq(), event.eventId(), reason);
        return false;
    }
}
