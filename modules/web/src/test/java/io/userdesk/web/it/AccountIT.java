package io.userdesk.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staff accounts end to end through the admin pages and the sign-in form: create, lockout after repeated failures and
 * unlock by an admin, forced password change, roles, disable, reset; the bootstrap admin's first sign-in; and the audit
 * row each change leaves (never with a password in it).
 */
@ExtendWith(ArquillianExtension.class)
class AccountIT {
    private static final String FAILED = "The username or password is not correct.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    @Test
    void anAccountsWholeLifeIsEnforcedAndAudited() throws Exception {
        String user = "lock.test";
        String temporary = "Harbour-Lights-2026";
        WebSession admin = new WebSession();
        assertEquals(302, admin.signIn("admin", "demo").status());

        // create: a weak temporary password is refused at its field, a good one creates the account
        Http.Answer weak = adminPost(admin, "/admin/staff.xhtml", "createForm", "create",
                Map.of("username", user, "displayName", "Lock Test", "roles", "agent", "scope", "", "password", "short"));
        assertTrue(weak.body().contains("Use at least 12 characters."), weak.body());
        Http.Answer created = adminPost(admin, "/admin/staff.xhtml", "createForm", "create",
                Map.of("username", user, "displayName", "Lock Test", "roles", "agent", "scope", "", "password", temporary));
        assertTrue(created.body().contains("Created lock.test"), created.body());
        Http.Answer list = admin.get("/admin/staff.xhtml");
        assertTrue(list.body().contains("must change password"), list.body());

        // five wrong passwords lock the account; then even the right one gets the same answer
        for (int i = 0; i < 5; i++) {
            assertSignInRefused(user, "wrong-password-" + i);
        }
        assertSignInRefused(user, temporary);
        Http.Answer lockedPage = admin.get("/admin/account.xhtml?username=" + user);
        assertTrue(lockedPage.body().contains("locked until"), lockedPage.body());
        assertEquals(1, count("ACCOUNT_LOCKED", user));
        assertEquals(List.of("Lock Test"), actorNames("ACCOUNT_LOCKED", user), "the lockout names the staff member");
        assertTrue(count("SIGN_IN_FAILED", user) >= 6);

        // the admin unlocks; the first sign-in must set a new password before anything else
        Http.Answer unlocked = adminPost(admin, "/admin/account.xhtml?username=" + user, "statusForm", "unlock", Map.of());
        assertTrue(unlocked.body().contains("lock.test is unlocked."), unlocked.body());
        WebSession staff = new WebSession();
        assertEquals(302, staff.signIn(user, temporary).status());
        assertEquals(List.of("Lock Test"), actorNames("SIGN_IN_SUCCEEDED", user),
                "a sign-in is recorded with the name, so a search by name finds it");
        Http.Answer forced = staff.get("/customers/index.xhtml");
        assertEquals(302, forced.status());
        assertTrue(forced.header("Location").endsWith("/account/password.xhtml"), forced.header("Location"));
        assertEquals(403, Http.send("POST", "/api/token", null, "application/x-www-form-urlencoded",
                "username=" + user + "&password=" + temporary).status(), "no API token before the password is changed");
        Http.Answer sameAsUsername = changeOwnPassword(staff, temporary, "LOCK.TEST-forever-2026");
        assertTrue(sameAsUsername.body().contains("The password must not contain the username."), sameAsUsername.body());
        assertEquals(302, changeOwnPassword(staff, temporary, "Quiet-River-Stones-42").status());
        assertEquals(200, staff.get("/customers/index.xhtml").status());

        // roles: from agent to reviewer takes effect at the next sign-in
        Http.Answer saved = adminPost(admin, "/admin/account.xhtml?username=" + user, "accountForm", "save",
                Map.of("displayName", "Lock Test", "roles", "reviewer", "scope", ""));
        assertTrue(saved.body().contains("Saved."), saved.body());
        WebSession again = new WebSession();
        again.signIn(user, "Quiet-River-Stones-42");
        assertEquals(403, again.get("/customers/index.xhtml").status());
        assertEquals(200, again.get("/audit/index.xhtml").status());
        assertTrue(count("AUTHORIZATION_DENIED", user) >= 1, "the refused page is audited");

        // disabling ends the running session and refuses tokens
        String token = Http.token(user, "Quiet-River-Stones-42");
        assertEquals(200, Http.get("/api/audit/events", token).status());
        Http.Answer disabled = adminPost(admin, "/admin/account.xhtml?username=" + user, "statusForm", "disable", Map.of());
        assertTrue(disabled.body().contains("lock.test is disabled"), disabled.body());
        assertEquals(302, again.get("/audit/index.xhtml").status(), "the disabled account's session ended");
        assertEquals(401, Http.get("/api/audit/events", token).status(), "the disabled account's token stopped working");
        assertSignInRefused(user, "Quiet-River-Stones-42");

        // reset while disabled, then enable: the reset password must be changed again
        adminPost(admin, "/admin/account.xhtml?username=" + user, "passwordForm", "reset",
                Map.of("temporaryPassword", "Second-Temporary-Key-77"));
        adminPost(admin, "/admin/account.xhtml?username=" + user, "statusForm", "enable", Map.of());
        WebSession third = new WebSession();
        assertEquals(302, third.signIn(user, "Second-Temporary-Key-77").status());
        assertTrue(third.get("/audit/index.xhtml").header("Location").endsWith("/account/password.xhtml"));

        // an admin cannot lock themself out
        Http.Answer selfDisable = adminPost(admin, "/admin/account.xhtml?username=admin", "statusForm", "disable", Map.of());
        assertTrue(selfDisable.body().contains("You cannot disable your own account."), selfDisable.body());

        // every change is in the audit trail, by whom, and no password or hash is
        List<String[]> changes = staffChanges(user);
        assertEquals(List.of("create", "unlock", "change-own-password", "update", "disable", "reset-password", "enable"),
                changes.stream().map(c -> c[1]).toList());
        assertEquals(List.of("admin", "admin", user, "admin", "admin", "admin", "admin"),
                changes.stream().map(c -> c[0]).toList());
        for (String[] change : changes) {
            for (String secret : List.of(temporary, "Quiet-River-Stones-42", "Second-Temporary-Key-77", "PBKDF2")) {
                assertFalse(change[2].contains(secret), "a secret in the audit: " + change[2]);
            }
        }
        assertTrue(changes.get(3)[2].contains("reviewer"), "the role change says from and to: " + changes.get(3)[2]);
    }

    @Test
    void theBootstrapAdminMustSetItsOwnPasswordFirst() throws Exception {
        WebSession first = new WebSession();
        assertEquals(302, first.signIn("first.admin", "Bootstrap-Harbour-2026").status());
        Http.Answer forced = first.get("/admin/staff.xhtml");
        assertEquals(302, forced.status());
        assertTrue(forced.header("Location").endsWith("/account/password.xhtml"), forced.header("Location"));
        Http.Answer trivial = changeOwnPassword(first, "Bootstrap-Harbour-2026", "Password2026!!");
        assertTrue(trivial.body().contains("too easy to guess"), trivial.body());
        assertEquals(302, changeOwnPassword(first, "Bootstrap-Harbour-2026", "Northern-Lantern-Keeper-9").status());
        assertEquals(200, first.get("/admin/staff.xhtml").status());
        List<String[]> changes = staffChanges("first.admin");
        assertEquals("bootstrap-admin", changes.get(0)[1]);
        assertEquals("system", changes.get(0)[0]);
        assertEquals("change-own-password", changes.get(1)[1]);
    }

    private static void assertSignInRefused(String user, String password) {
        WebSession session = new WebSession();
        Http.Answer answer = session.signIn(user, password);
        assertEquals(200, answer.status());
        assertTrue(answer.body().contains(FAILED), answer.body());
    }

    /** Posts one of an admin page's forms with its own ViewState, as the browser would. */
    private static Http.Answer adminPost(WebSession session, String page, String form, String button,
                                         Map<String, String> fields) {
        Http.Answer get = session.get(page);
        assertEquals(200, get.status(), page);
        Map<String, String> body = new LinkedHashMap<>();
        body.put(form, form);
        fields.forEach((k, v) -> body.put(form + ":" + k, v));
        body.put(form + ":" + button, "");
        body.put("jakarta.faces.ViewState", WebSession.viewState(get.body()));
        body.put("primefaces.nonce", WebSession.nonce(get.body()));
        Http.Answer answer = session.post(page.split("\\?")[0], body, Map.of());
        assertTrue(answer.status() == 200 || answer.status() == 302 && !answer.header("Location").contains("signin"),
                page + " " + form + ":" + button + " -> " + answer.status() + " " + answer.header("Location") + " "
                        + answer.body());
        return answer;
    }

    private static Http.Answer changeOwnPassword(WebSession session, String current, String next) {
        return adminPost(session, "/account/password.xhtml", "passwordForm", "change",
                Map.of("current", current, "newPassword", next, "confirmation", next));
    }

    private static int count(String type, String actor) throws Exception {
        try (Connection c = ItDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM audit_event WHERE event_type = ? AND actor_id = ?")) {
            ps.setString(1, type);
            ps.setString(2, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The actor name of each event of this type by this actor, oldest first (empty text for none). */
    private static List<String> actorNames(String type, String actor) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = ItDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(actor_name, '') FROM audit_event WHERE event_type = ? AND actor_id = ? ORDER BY seq")) {
            ps.setString(1, type);
            ps.setString(2, actor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** actor, action, details of every STAFF_ACCOUNT_CHANGED about {@code account}, oldest first. */
    private static List<String[]> staffChanges(String account) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = ItDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT actor_id, details::jsonb ->> 'action', details FROM audit_event "
                        + "WHERE event_type = 'STAFF_ACCOUNT_CHANGED' AND details::jsonb ->> 'account' = ? ORDER BY seq")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return rows;
    }
}
