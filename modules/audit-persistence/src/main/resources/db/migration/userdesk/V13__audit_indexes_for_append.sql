-- Cheaper appends (issue 4): every index of audit_event costs every append an insert, and a durable commit has to
-- flush what each insert writes to the WAL. Two changes, neither of which any search or verification needs:
--
-- 1. audit_event.hash loses its UNIQUE constraint (and with it the B-tree that enforced it). Nothing looks an event up
--    by its hash: verification walks the chain by seq, checkpoints name the head by seq. The index cost every append an
--    insert at a random place (a SHA-256 value lands on a random leaf page, which on a table of a million events is
--    rarely in memory and, the first time it changes after a checkpoint, goes whole, 8 KB, into the WAL). It added no
--    integrity either: two events cannot share a hash unless SHA-256 collides, because each hash covers its own seq,
--    and whatever a table owner changes with the triggers disabled is found through the chain (prev_hash to hash), not
--    through this constraint. The format check (64 lower-case hex digits) stays.
--
-- 2. The indexes by customer, user and correlation leave out the rows where that column is NULL: sign-ins, lockouts,
--    staff-account changes and the reviewers' own reads and exports have no customer, user or correlation, and no
--    search asks for "no customer". A filter `customer_id = ?` (or `lower(customer_name) = lower(?)`, ...) implies
--    the column is not NULL, so PostgreSQL uses these partial indexes exactly as it used the full ones.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_hash_key;

DROP INDEX audit_event_customer_idx;
CREATE INDEX audit_event_customer_idx ON audit_event (customer_id, occurred_at DESC, seq DESC)
    WHERE customer_id IS NOT NULL;
DROP INDEX audit_event_customer_name_idx;
CREATE INDEX audit_event_customer_name_idx ON audit_event (lower(customer_name), occurred_at DESC, seq DESC)
    WHERE customer_name IS NOT NULL;
DROP INDEX audit_event_user_idx;
CREATE INDEX audit_event_user_idx ON audit_event (user_id, occurred_at DESC, seq DESC)
    WHERE user_id IS NOT NULL;
DROP INDEX audit_event_upn_idx;
CREATE INDEX audit_event_upn_idx ON audit_event (lower(user_principal_name), occurred_at DESC, seq DESC)
    WHERE user_principal_name IS NOT NULL;
DROP INDEX audit_event_correlation_idx;
CREATE INDEX audit_event_correlation_idx ON audit_event (correlation_id)
    WHERE correlation_id IS NOT NULL;
