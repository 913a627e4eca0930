-- Portal staff who sign in with a password. Not append-only: accounts are seeded, updated and disabled.

CREATE TABLE staff_account (
    username      text        PRIMARY KEY CHECK (username <> '' AND username = lower(username)),
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    roles         text        NOT NULL
        CHECK (roles ~ '^((agent|reviewer|admin)(,(agent|reviewer|admin))*)?$'),
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE staff_account IS 'UserDesk staff accounts for form sign-in.';
COMMENT ON COLUMN staff_account.username IS 'Sign-in name, stored lower-case.';
COMMENT ON COLUMN staff_account.password_hash IS 'Password hash in a self-describing format; never the password.';
COMMENT ON COLUMN staff_account.roles IS 'Comma-separated subset of agent, reviewer, admin (no spaces).';
