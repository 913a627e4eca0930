-- Finding the rare outcomes fast: "every FAILED change", "every UNKNOWN outcome" are a reviewer's first questions, and
-- without an index PostgreSQL walks the time index newest first until a page is full — through the whole trail when
-- there are few such events or none (seconds on a million events). The index holds only the rare outcomes, so the
-- events most appends write (SUCCEEDED reads and sign-ins, PENDING attempts) do not pay for it; a search for those
-- common outcomes fills its page from the newest events anyway. The portal plans each search with its values
-- (io.userdesk.audit.AuditStore.search), so PostgreSQL sees that `outcome = 'FAILED'` is covered by this index.
CREATE INDEX audit_event_outcome_idx ON audit_event (outcome, occurred_at DESC, seq DESC)
    WHERE outcome NOT IN ('SUCCEEDED', 'PENDING');
