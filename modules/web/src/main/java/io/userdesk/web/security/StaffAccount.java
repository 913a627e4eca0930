package io.userdesk.web.security;

import java.time.Instant;
import java.util.List;

/**
 * A staff member who can sign in to the portal, as stored in {@code staff_account}. An empty {@code customerScope}
 * means every customer; otherwise only the listed customer tenant ids are visible to them.
 */
public record StaffAccount(String username, String displayName, String passwordHash, List<String> roles, boolean enabled,
                           int failedSignIns, Instant lockedUntil, boolean mustChangePassword,
                           List<String> customerScope) implements java.io.Serializable {

    /** A new, enabled, unlocked account that sees every customer. */
    public StaffAccount(String username, String displayName, String passwordHash, List<String> roles, boolean enabled) {
        this(username, displayName, passwordHash, roles, enabled, 0, null, false, List.of());
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean scoped() {
        return !customerScope.isEmpty();
    }
}
