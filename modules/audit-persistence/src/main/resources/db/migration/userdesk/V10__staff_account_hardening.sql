-- Staff account hardening (issue 5): lockout with backoff, a forced password change (bootstrap admin, admin resets)
-- and an optional customer scope per staff member.

ALTER TABLE staff_account
    ADD COLUMN failed_sign_ins      integer     NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    ADD COLUMN locked_until         timestamptz,
    ADD COLUMN must_change_password boolean     NOT NULL DEFAULT false,
    ADD COLUMN customer_scope       text        NOT NULL DEFAULT ''
        CHECK (customer_scope ~ '^([0-9a-f-]{36}(,[0-9a-f-]{36})*)?$'),
    ADD COLUMN updated_at           timestamptz NOT NULL DEFAULT now();

COMMENT ON COLUMN staff_account.failed_sign_ins IS 'Failed sign-ins since the last success or unlock.';
COMMENT ON COLUMN staff_account.locked_until IS 'Sign-in refused until then (lockout with backoff); null when not locked.';
COMMENT ON COLUMN staff_account.must_change_password IS 'The next sign-in must set a new password first.';
COMMENT ON COLUMN staff_account.customer_scope IS 'Comma-separated customer tenant ids this staff member may see; empty: all.';
