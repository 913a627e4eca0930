-- Finding failed and unknown outcomes fast: "every FAILED change", "every UNKNOWN outcome" are a reviewer's first
-- questions, and without an index PostgreSQL walks the time index newest first until a page is full — through the
-- whole trail when there are few such events or none (seconds on a million events). The index holds only the outcomes
-- other than SUCCEEDED and PENDING (FAILED; REJECTED: refused changes, failed sign-ins, denials; UNKNOWN), so the
-- events most appends write (SUCCEEDED reads, sign-ins and outcomes, PENDING attempts) do not pay for it; a search for
-- those two fills its page from the newest events anyway. The portal plans each search with its values
-- (io.userdesk.audit.AuditStore.search), so PostgreSQL sees that `outcome = 'FAILED'` is covered by this index.
CREATE INDEX audit_event_outcome_idx ON audit_event (outcome, occurred_at DESC, seq DESC)
    WHERE outcome NOT IN ('SUCCEEDED', 'PENDING');
