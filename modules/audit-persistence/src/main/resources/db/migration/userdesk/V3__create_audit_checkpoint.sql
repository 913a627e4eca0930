-- Signed checkpoints of the audit chain: the chain head (seq and hash) signed with the portal's audit key, so that a
-- copy of the trail (an export) can prove it matches what the portal held, and a rewritten tail is detectable.

CREATE TABLE audit_checkpoint (
    checkpoint_no bigint      PRIMARY KEY CHECK (checkpoint_no > 0),
    upto_seq      bigint      NOT NULL CHECK (upto_seq > 0),
    head_hash     char(64)    NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
    created_at    timestamptz NOT NULL,
    algorithm     text        NOT NULL,
    key_id        text        NOT NULL,
    public_key    text        NOT NULL,
    signature     text        NOT NULL
);

COMMENT ON TABLE audit_checkpoint IS 'Append-only signed chain heads of audit_event; see docs/audit.md.';
COMMENT ON COLUMN audit_checkpoint.upto_seq IS 'The seq of the newest audit_event covered.';
COMMENT ON COLUMN audit_checkpoint.head_hash IS 'audit_event.hash at upto_seq.';
COMMENT ON COLUMN audit_checkpoint.signature IS 'Base64 signature over the canonical JSON of the checkpoint (docs/audit.md).';

CREATE INDEX audit_checkpoint_upto_idx ON audit_checkpoint (upto_seq);

CREATE TRIGGER audit_checkpoint_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();

-- Search filters that have no index yet: by user principal name, customer name, action and outcome.
CREATE INDEX audit_event_upn_idx      ON audit_event (lower(user_principal_name), occurred_at DESC, seq DESC);
CREATE INDEX audit_event_customer_name_idx ON audit_event (lower(customer_name), occurred_at DESC, seq DESC);
CREATE INDEX audit_event_type_idx     ON audit_event (event_type, occurred_at DESC, seq DESC);

-- Nobody gets write access to the audit tables by default; the application role gets INSERT and SELECT only
-- (io.userdesk.audit.DatabaseRoles).
REVOKE ALL ON audit_event, audit_checkpoint FROM PUBLIC;
