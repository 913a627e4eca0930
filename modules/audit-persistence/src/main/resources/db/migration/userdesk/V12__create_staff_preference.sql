-- Each staff member's display choices (issue 6): language and theme, keyed by the signed-in username, so staff who
-- sign in with a password and staff who come through OpenID Connect (no staff_account row) are remembered alike.
-- Not audited and not append-only: a preference changes nothing in a customer's tenant. The application role gets
-- its privileges from DatabaseRoles.grantApplicationRole after every migration, like every non-audit table.

CREATE TABLE staff_preference (
    username   text        PRIMARY KEY CHECK (username <> '' AND username = lower(username)),
    language   text        CHECK (language IN ('en', 'zh-TW')),
    theme      text        CHECK (theme IN ('system', 'light', 'dark')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE staff_preference IS 'Language and theme chosen by each staff member in the portal.';
COMMENT ON COLUMN staff_preference.language IS 'en or zh-TW; null: follow the browser.';
COMMENT ON COLUMN staff_preference.theme IS 'system (follow the OS), light or dark; null: system.';
