package io.userdesk.web.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The staff member signed in to a browser session: kept in the session so each request can re-establish the caller;
 * {@code signedInAt} enforces the absolute session lifetime.
 */
public record SignedInStaff(String username, String displayName, List<String> roles, Instant signedInAt) implements Serializable {
}
