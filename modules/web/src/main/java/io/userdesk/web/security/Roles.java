package io.userdesk.web.security;

import java.util.List;

/** The three staff roles. Agents edit customer users, reviewers read the audit trail, admins may do both. */
public final class Roles {
    public static final String AGENT = "agent";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(AGENT, REVIEWER, ADMIN);

    private Roles() {
    }
}
