package io.userdesk.web.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may open which page and call which API endpoint: the one declaration of the portal's permissions.
 *
 * <p>Why a class and not only web.xml and {@code @RolesAllowed}: those two are where the container enforces the
 * rules, but they are spread over a descriptor and annotations and nothing would notice one drifting from the other.
 * {@code PermissionMatrixTest} fails the build when a page or an endpoint has no entry here, when web.xml or an
 * annotation grants something else than this matrix, or when docs/security.md does not show this exact table; the
 * role-matrix IT walks every entry as each role against the running portal.
 */
public final class PermissionMatrix {

    /** Where a rule applies: a Faces page (session sign-in) or an API endpoint (bearer token). */
    public enum Kind { PAGE, API }

    /**
     * One rule. {@code path} is the page or the endpoint's template (as in {@code @Path}); {@code sample} is a concrete
     * request for tests; an empty role set with {@code open} means anyone, signed in or not.
     */
    public record Entry(Kind kind, String method, String path, boolean open, Set<String> roles, String sample,
                        String purpose) {
        public boolean allows(String role) {
            return open || roles.contains(role);
        }
    }

    private static final Set<String> STAFF = Set.of(Roles.AGENT, Roles.REVIEWER, Roles.ADMIN);
    private static final Set<String> EDITORS = Set.of(Roles.AGENT, Roles.ADMIN);
    private static final Set<String> REVIEWERS = Set.of(Roles.REVIEWER, Roles.ADMIN);
    private static final Set<String> ADMINS = Set.of(Roles.ADMIN);
    private static final String CUSTOMER = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0001";
    private static final String USER = "a9ef48bb-0000-4000-8000-000000000001";

    public static final List<Entry> ENTRIES = List.of(
            page("/signin.xhtml", true, Set.of(), "/signin.xhtml", "sign in"),
            page("/signin/oidc.xhtml", true, Set.of(), "/signin/oidc.xhtml",
                    "single sign-on (OpenID Connect): starts it at the provider and takes its answer"),
            page("/error/error.xhtml", true, Set.of(), "/error/error.xhtml", "error page"),
            page("/error/forbidden.xhtml", true, Set.of(), "/error/forbidden.xhtml", "access denied page"),
            page("/error/not-found.xhtml", true, Set.of(), "/error/not-found.xhtml", "not found page"),
            page("/index.xhtml", false, STAFF, "/index.xhtml", "home: sends each role to its start page"),
            page("/customers/index.xhtml", false, EDITORS, "/customers/index.xhtml", "find customers"),
            page("/customers/users.xhtml", false, EDITORS, "/customers/users.xhtml?customer=" + CUSTOMER,
                    "find a customer's users"),
            page("/customers/deleted.xhtml", false, EDITORS, "/customers/deleted.xhtml?customer=" + CUSTOMER,
                    "a customer's deleted users; restore one (audited)"),
            page("/customers/edit.xhtml", false, EDITORS,
                    "/customers/edit.xhtml?customer=" + CUSTOMER + "&user=" + USER, "edit a user (audited)"),
            page("/audit/index.xhtml", false, REVIEWERS, "/audit/index.xhtml", "search the audit trail"),
            page("/audit/event.xhtml", false, REVIEWERS, "/audit/event.xhtml?seq=1", "one audit event"),
            page("/account/password.xhtml", false, STAFF, "/account/password.xhtml", "change one's own password"),
            page("/admin/staff.xhtml", false, ADMINS, "/admin/staff.xhtml", "list and create staff accounts (audited)"),
            page("/admin/account.xhtml", false, ADMINS, "/admin/account.xhtml?username=agent",
                    "disable, unlock, reset password, set roles and scope (audited)"),
            api("POST", "/api/token", true, Set.of(), "/api/token", "exchange username and password for a token"),
            api("GET", "/api/customers", false, EDITORS, "/api/customers?search=contoso", "find customers"),
            api("GET", "/api/customers/{customerId}", false, EDITORS, "/api/customers/" + CUSTOMER, "one customer"),
            api("GET", "/api/customers/{customerId}/users", false, EDITORS, "/api/customers/" + CUSTOMER + "/users",
                    "a customer's users"),
            api("GET", "/api/customers/{customerId}/users/{userId}", false, EDITORS,
                    "/api/customers/" + CUSTOMER + "/users/" + USER, "one user"),
            api("PATCH", "/api/customers/{customerId}/users/{userId}", false, EDITORS,
                    "/api/customers/" + CUSTOMER + "/users/" + USER, "edit a user (audited)"),
            api("GET", "/api/customers/{customerId}/deleted-users", false, EDITORS,
                    "/api/customers/" + CUSTOMER + "/deleted-users", "a customer's deleted users"),
            api("POST", "/api/customers/{customerId}/deleted-users/{userId}/restore", false, EDITORS,
                    "/api/customers/" + CUSTOMER + "/deleted-users/" + USER + "/restore",
                    "restore a deleted user (audited)"),
            api("GET", "/api/audit/events", false, REVIEWERS, "/api/audit/events", "search the audit trail"),
            api("GET", "/api/audit/events/{seq}", false, REVIEWERS, "/api/audit/events/1", "one audit event"),
            api("GET", "/api/audit/verify", false, REVIEWERS, "/api/audit/verify", "verify the hash chain (audited)"),
            api("GET", "/api/audit/export", false, REVIEWERS, "/api/audit/export",
                    "export the filtered trail as a signed bundle (audited)"),
            api("GET", "/api/audit/public-key", true, Set.of(), "/api/audit/public-key",
                    "the public key that signs audit checkpoints (public, for auditors)"));

    private PermissionMatrix() {
    }

    private static Entry page(String path, boolean open, Set<String> roles, String sample, String purpose) {
        return new Entry(Kind.PAGE, "GET", path, open, roles, sample, purpose);
    }

    private static Entry api(String method, String path, boolean open, Set<String> roles, String sample, String purpose) {
        return new Entry(Kind.API, method, path, open, roles, sample, purpose);
    }

    /** The matrix as the Markdown table docs/security.md shows. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| kind | request | purpose | agent | reviewer | admin | anonymous |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Entry e : ENTRIES) {
            table.append("| ").append(e.kind().name().toLowerCase()).append(" | `").append(e.method()).append(' ')
                    .append(e.path()).append("` | ").append(e.purpose()).append(" | ")
                    .append(Roles.ALL.stream().map(r -> e.allows(r) ? "yes" : "no").collect(Collectors.joining(" | ")))
                    .append(" | ").append(e.open() ? "yes" : "no").append(" |\n");
        }
        return table.toString();
    }
}
