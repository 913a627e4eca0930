-- One round trip per audit append (io.userdesk.audit.AuditStore.append): the chain lock, the head, the database
-- clock, the hash and the INSERT in one call, committed by the caller's auto-commit. Before this function an append
-- needed three round trips (lock and head, INSERT, COMMIT); on a busy machine each costs as much as the commit's fsync.
--
-- The portal writes the canonical content (io.userdesk.audit.AuditHashing, documented in docs/audit.md) except the
-- three values only known under the lock, and passes it in four parts:
--   content = p_part0 || '"' || occurredAt || '"' || p_part1 || '"' || prevHash || '"' || p_part2 || seq || p_part3
-- so every string is escaped by one implementation only (the portal's). The function fills in the time (ISO-8601 UTC,
-- six fractional digits), the previous hash (64 zeros for seq 1) and the seq, hashes the UTF-8 bytes with SHA-256 and
-- inserts the row; the portal recomputes the hash from what it gets back and refuses to go on if the two differ.
--
-- Security invoker: it inserts with the caller's rights (the application role may only INSERT and SELECT).
CREATE FUNCTION audit_append(
    p_event_id uuid, p_event_type text, p_outcome text, p_actor_id text, p_actor_name text, p_actor_roles text,
    p_client_ip text, p_user_agent text, p_customer_id text, p_customer_name text, p_user_id text,
    p_user_principal_name text, p_correlation_id text, p_request_id text, p_http_status integer,
    p_error_code text, p_error_description text, p_duration_ms bigint, p_details text,
    p_part0 text, p_part1 text, p_part2 text, p_part3 text, p_lock_key bigint, p_lock_timeout text,
    OUT appended_seq bigint, OUT appended_at timestamptz, OUT appended_prev_hash text, OUT appended_hash text)
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    -- Each statement below must see the previous writer's commit once the lock is granted: only READ COMMITTED takes
    -- a new snapshot per statement. The portal falls back to explicit statements when this is refused.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit_append needs READ COMMITTED, the transaction is %',
            current_setting('transaction_isolation') USING ERRCODE = 'UD001';
    END IF;
    -- Durable before the caller continues, whatever the server or role default is; local to this transaction.
    PERFORM set_config('synchronous_commit', 'on', true), set_config('lock_timeout', p_lock_timeout, true),
            pg_advisory_xact_lock(p_lock_key);

    SELECT e.seq, e.hash INTO appended_seq, appended_prev_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
    appended_seq := coalesce(appended_seq, 0) + 1;
    appended_prev_hash := coalesce(appended_prev_hash, repeat('0', 64));
    appended_at := date_trunc('microseconds', clock_timestamp());
    appended_hash := encode(sha256(convert_to(p_part0
        || '"' || to_char(appended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '"' || p_part1
        || '"' || appended_prev_hash || '"' || p_part2 || appended_seq::text || p_part3, 'UTF8')), 'hex');

    INSERT INTO audit_event (seq, event_id, occurred_at, event_type, outcome, actor_id, actor_name, actor_roles,
                             client_ip, user_agent, customer_id, customer_name, user_id, user_principal_name,
                             correlation_id, request_id, http_status, error_code, error_description, duration_ms,
                             details, prev_hash, hash)
    VALUES (appended_seq, p_event_id, appended_at, p_event_type, p_outcome, p_actor_id, p_actor_name, p_actor_roles,
            p_client_ip, p_user_agent, p_customer_id, p_customer_name, p_user_id, p_user_principal_name,
            p_correlation_id, p_request_id, p_http_status, p_error_code, p_error_description, p_duration_ms,
            p_details, appended_prev_hash, appended_hash);

END
$$;
