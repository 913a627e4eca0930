-- The audit trail: append-only and hash-chained (see io.userdesk.audit.AuditHashing for the hash rule).

-- The hash covers text exactly as Java sees it; only a UTF8 database reads every character back unchanged.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'the UserDesk database must use UTF8 encoding, found %: the audit hash chain needs text to read back byte-for-byte',
            current_setting('server_encoding');
    END IF;
END
$$;

CREATE TABLE audit_event (
    seq                 bigint      PRIMARY KEY CHECK (seq > 0),
    event_id            uuid        NOT NULL UNIQUE,
    occurred_at         timestamptz NOT NULL,
    event_type          text        NOT NULL,
    outcome             text        NOT NULL,
    actor_id            text        NOT NULL,
    actor_name          text,
    actor_roles         text,
    client_ip           text,
    user_agent          text,
    customer_id         text,
    customer_name       text,
    user_id             text,
    user_principal_name text,
    correlation_id      text,
    request_id          text,
    http_status         integer,
    error_code          text,
    error_description   text,
    duration_ms         bigint,
    details             text        NOT NULL,
    prev_hash           char(64)    NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash                char(64)    NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);

COMMENT ON TABLE audit_event IS 'Append-only, hash-chained audit trail of UserDesk; rows are never updated or deleted.';
COMMENT ON COLUMN audit_event.seq IS 'Chain position 1, 2, 3, ... assigned under the chain advisory lock.';
COMMENT ON COLUMN audit_event.occurred_at IS 'Database clock (clock_timestamp()) when the event was appended.';
COMMENT ON COLUMN audit_event.actor_roles IS 'Comma-separated, sorted role names; NULL when the actor had none.';
COMMENT ON COLUMN audit_event.details IS 'Canonical JSON of the details, stored verbatim so the hash can be recomputed byte-for-byte.';
COMMENT ON COLUMN audit_event.prev_hash IS 'hash of the event with seq - 1; 64 zeros for seq 1.';
COMMENT ON COLUMN audit_event.hash IS 'Lower-case hex SHA-256 over the canonical JSON of this row and prev_hash.';

-- Keyset search: newest first, optionally narrowed to one customer, user or actor.
CREATE INDEX audit_event_occurred_idx   ON audit_event (occurred_at DESC, seq DESC);
CREATE INDEX audit_event_customer_idx   ON audit_event (customer_id, occurred_at DESC, seq DESC);
CREATE INDEX audit_event_user_idx       ON audit_event (user_id, occurred_at DESC, seq DESC);
CREATE INDEX audit_event_actor_idx      ON audit_event (actor_id, occurred_at DESC, seq DESC);
CREATE INDEX audit_event_actor_name_idx ON audit_event (lower(actor_name), occurred_at DESC, seq DESC);
CREATE INDEX audit_event_correlation_idx ON audit_event (correlation_id);

-- Append-only, enforced by PostgreSQL itself. Row triggers do not fire on TRUNCATE, hence the statement trigger.
-- The owner or a superuser can still disable triggers: the hash chain detects what they change.
CREATE FUNCTION audit_event_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = '42501';
END
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
