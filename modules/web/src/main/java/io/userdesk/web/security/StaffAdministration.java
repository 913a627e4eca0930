package io.userdesk.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The changes an admin (or a staff member to their own password) makes to staff accounts, each validated and each
 * written to the audit trail as {@code STAFF_ACCOUNT_CHANGED} with what changed, never with a password or hash.
 *
 * <p>Why a service apart from the pages: the same rules hold for the admin pages and the first-start bootstrap, and
 * the checks that protect the portal from its own admins (no admin can disable, demote or lock out themself, so the
 * portal always keeps one working admin) belong next to the change, not in a page.
 */
@ApplicationScoped
public class StaffAdministration {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Who is making the change, for the audit trail. */
    public record ChangedBy(String username, String displayName, List<String> roles) {
    }

    /**
     * A refusal with the field it concerns (null: the whole form), shown next to that field. The message is English
     * (logs, tests); {@code code} and {@code arguments} let the portal show it in the viewer's language.
     */
    public static final class Refused extends RuntimeException {
        private final String field;
        private final String code;
        private final transient List<Object> arguments;

        public Refused(String field, String code, String message, Object... arguments) {
            super(message);
            this.field = field;
            this.code = code;
            this.arguments = List.of(arguments);
        }

        public String field() {
            return field;
        }

        /** A stable key for the reason, such as {@code username.exists}. */
        public String code() {
            return code;
        }

        /** The values the message quotes, in order. */
        public List<Object> arguments() {
            return arguments;
        }
    }

    @Inject
    StaffAccountRepository accounts;

    @Inject
    StaffPasswords passwords;

    @Inject
    SecurityAudit audit;

    public List<StaffAccount> all() {
        return accounts.all();
    }

    public Optional<StaffAccount> find(String username) {
        return accounts.find(username);
    }

    /** Creates an account whose first sign-in must set a new password. */
    public void create(ChangedBy by, String username, String displayName, List<String> roles, String scopeText,
                       String temporaryPassword) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new Refused("username", "username.format", "Use 2–64 characters: lower-case letters, digits, '.', '_', '-' or '@'.");
        }
        if (accounts.find(name).isPresent()) {
            throw new Refused("username", "username.exists", "An account with this username exists.");
        }
        String display = requireDisplayName(displayName);
        List<String> checkedRoles = requireRoles(roles);
        List<String> scope = parseScope(scopeText);
        requirePolicy(name, temporaryPassword, "password");
        accounts.createIfAbsent(new StaffAccount(name, display, passwords.hash(temporaryPassword), checkedRoles, true, 0,
                null, true, scope));
        List<Map<String, String>> changes = List.of(change("displayName", "", display),
                change("roles", "", String.join(", ", checkedRoles)), change("customerScope", "", scopeText(scope)),
                change("password", "", "changed"), change("mustChangePassword", "", "true"));
        audit.staffAccountChanged(by.username(), by.displayName(), by.roles(), name, "create", changes);
    }

    public void update(ChangedBy by, String username, String displayName, List<String> roles, String scopeText) {
        StaffAccount account = existing(username);
        String display = requireDisplayName(displayName);
        List<String> checkedRoles = requireRoles(roles);
        if (account.username().equals(by.username()) && account.roles().contains(Roles.ADMIN)
                && !checkedRoles.contains(Roles.ADMIN)) {
            throw new Refused("roles", "roles.ownAdmin", "You cannot take the admin role from yourself; ask another admin.");
        }
        List<String> scope = parseScope(scopeText);
        accounts.setRolesAndScope(account.username(), display, checkedRoles, scope);
        List<Map<String, String>> changes = new ArrayList<>();
        if (!display.equals(account.displayName())) {
            changes.add(change("displayName", account.displayName(), display));
        }
        if (!checkedRoles.equals(account.roles())) {
            changes.add(change("roles", String.join(", ", account.roles()), String.join(", ", checkedRoles)));
        }
        if (!scope.equals(account.customerScope())) {
            changes.add(change("customerScope", scopeText(account.customerScope()), scopeText(scope)));
        }
        if (!changes.isEmpty()) {
            audit.staffAccountChanged(by.username(), by.displayName(), by.roles(), account.username(), "update", changes);
        }
    }

    public void setEnabled(ChangedBy by, String username, boolean enabled) {
        StaffAccount account = existing(username);
        if (!enabled && account.username().equals(by.username())) {
            throw new Refused(null, "disable.self", "You cannot disable your own account.");
        }
        accounts.setEnabled(account.username(), enabled);
        audit.staffAccountChanged(by.username(), by.displayName(), by.roles(), account.username(),
                enabled ? "enable" : "disable",
                List.of(change("enabled", Boolean.toString(account.enabled()), Boolean.toString(enabled))));
    }

    public void unlock(ChangedBy by, String username) {
        StaffAccount account = existing(username);
        accounts.unlock(account.username());
        audit.staffAccountChanged(by.username(), by.displayName(), by.roles(), account.username(), "unlock",
                List.of(change("failedSignIns", Integer.toString(account.failedSignIns()), "0"),
                        change("lockedUntil", account.lockedUntil() == null ? "" : account.lockedUntil().toString(), "")));
    }

    /** Sets a temporary password the staff member must change at their next sign-in. */
    public void resetPassword(ChangedBy by, String username, String temporaryPassword) {
        StaffAccount account = existing(username);
        requirePolicy(account.username(), temporaryPassword, "temporaryPassword");
        accounts.setPassword(account.username(), passwords.hash(temporaryPassword), true);
        audit.staffAccountChanged(by.username(), by.displayName(), by.roles(), account.username(), "reset-password",
                List.of(change("password", "", "changed"), change("mustChangePassword", "", "true")));
    }

    /** A staff member's own change, which also ends a forced change. */
    public void changeOwnPassword(ChangedBy by, String currentPassword, String newPassword, String confirmation) {
        StaffAccount account = existing(by.username());
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw new Refused("current", "current.wrong", "The current password is not correct.");
        }
        requirePolicy(account.username(), newPassword, "newPassword");
        if (!newPassword.equals(confirmation)) {
            throw new Refused("confirmation", "confirmation.differs", "The two new passwords differ.");
        }
        if (newPassword.equals(currentPassword)) {
            throw new Refused("newPassword", "newPassword.same", "Choose a password different from the current one.");
        }
        accounts.setPassword(account.username(), passwords.hash(newPassword), false);
        audit.staffAccountChanged(by.username(), by.displayName(), by.roles(), account.username(), "change-own-password",
                List.of(change("password", "", "changed"), change("mustChangePassword", "", "false")));
    }

    /** The first admin outside demo mode; audited as a change by the system. */
    public boolean bootstrapAdmin(String username, String password) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (accounts.find(name).isPresent()) {
            return false;
        }
        requirePolicy(name, password, "userdesk.bootstrap.admin-password");
        boolean created = accounts.createIfAbsent(new StaffAccount(name, "Administrator", passwords.hash(password),
                List.of(Roles.ADMIN), true, 0, null, true, List.of()));
        if (created) {
            audit.staffAccountChanged("system", "UserDesk start-up", List.of(), name, "bootstrap-admin",
                    List.of(change("roles", "", Roles.ADMIN), change("password", "", "changed"),
                            change("mustChangePassword", "", "true")));
        }
        return created;
    }

    /**
     * One changed field in the shape the audit pages show ({@code field}, {@code before}, {@code after}); a password
     * is only ever "changed".
     */
    private static Map<String, String> change(String field, String before, String after) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    private static String scopeText(List<String> scope) {
        return scope.isEmpty() ? "all customers" : String.join(", ", scope);
    }

    private StaffAccount existing(String username) {
        return accounts.find(username).orElseThrow(() -> new Refused(null, "account.notFound", "There is no staff account " + username + ".", username));
    }

    private static String requireDisplayName(String displayName) {
        String display = displayName == null ? "" : displayName.trim();
        if (display.isEmpty() || display.length() > 200) {
            throw new Refused("displayName", "displayName.invalid", "Enter a display name of at most 200 characters.");
        }
        return display;
    }

    private static List<String> requireRoles(List<String> roles) {
        List<String> checked = roles == null ? List.of()
                : Roles.ALL.stream().filter(roles::contains).toList();
        if (checked.isEmpty()) {
            throw new Refused("roles", "roles.none", "Choose at least one role.");
        }
        return checked;
    }

    /** Customer tenant ids separated by commas, spaces or lines; empty: every customer. */
    public static List<String> parseScope(String scopeText) {
        List<String> scope = new ArrayList<>();
        if (scopeText == null) {
            return scope;
        }
        for (String id : scopeText.toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
            if (id.isEmpty()) {
                continue;
            }
            if (!TENANT_ID.matcher(id).matches()) {
                throw new Refused("scope", "scope.notTenantId", "'" + id + "' is not a customer tenant id (a GUID).", id);
            }
            if (!scope.contains(id)) {
                scope.add(id);
            }
        }
        return scope;
    }

    private static void requirePolicy(String username, String password, String field) {
        StaffPasswordPolicy.check(username, password).ifPresent(problem -> {
            throw new Refused(field, problem.code(), problem.message(), problem.arguments().toArray());
        });
    }
}
