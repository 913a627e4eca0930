package io.userdesk.web.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The staff member signed in to a browser session: kept in the session so each request can re-establish the caller;
 * {@code signedInAt} enforces the absolute session lifetime, {@code method} says how they signed in
 * ({@link #PASSWORD} or {@link #OIDC}), which decides what keeps the session valid.
 */
public record SignedInStaff(String username, String displayName, List<String> roles, Instant signedInAt, String method)
        implements Serializable {
    /** A built-in account's username and password. */
    public static final String PASSWORD = "password";
    /** OpenID Connect single sign-on. */
    public static final String OIDC = "oidc";
}
