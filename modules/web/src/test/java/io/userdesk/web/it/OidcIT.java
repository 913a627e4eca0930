package io.userdesk.web.it;

import static io.userdesk.web.it.PortalDeployment.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on and externally issued API tokens against a real OpenID Connect provider: Keycloak, started by
 * {@link KeycloakServer} with the committed realm (olivia.agent in portal-agents, adam.admin in portal-admins,
 * nora.nogroup in no group).
 *
 * <p>The portal is the packaged WAR with its properties file extended, as an operator would configure it: OpenID
 * Connect on beside the built-in accounts, Keycloak's groups mapped to the three roles, and the API's tokens verified
 * against Keycloak's JWKS instead of the portal's own key (so {@code /api/token} is off here). Payara's JWKS cache is cut
 * to two seconds so a key rotation can be watched.
 */
@ExtendWith({KeycloakServer.class, ArquillianExtension.class})
class OidcIT {
    private static final String API_CLIENT = "userdesk-api-client";
    private static final String API_CLIENT_SECRET = "it-api-client-secret";
    private static final String SEARCH = "/api/customers?search=contoso";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        String realm = KeycloakServer.realmUrl();
        WebArchive war = PortalDeployment.withProperties(PortalDeployment.portal(),
                "# OidcIT: single sign-on through Keycloak beside the built-in accounts",
                "userdesk.oidc.enabled=true",
                "userdesk.oidc.provider-name=Keycloak",
                "userdesk.oidc.provider-uri=" + realm,
                "userdesk.oidc.client-id=userdesk-portal",
                "userdesk.oidc.client-secret=it-oidc-client-secret",
                "userdesk.oidc.role-mapping=portal-agents=agent,portal-reviewers=reviewer,portal-admins=admin",
                "# OidcIT: API tokens from Keycloak, verified with its JWKS",
                "userdesk.api-token.own-key=false",
                "mp.jwt.verify.publickey.location=" + realm + "/protocol/openid-connect/certs",
                "mp.jwt.verify.issuer=" + realm,
                "mp.jwt.verify.audiences=userdesk-api");
        war.add(new StringAsset("publicKey.cache.ttl=2000\n"), "/WEB-INF/classes/payara-mp-jwt.properties");
        return war;
    }

    // ---------------------------------------------------------------- single sign-on (authorization-code flow)

    @Test
    void anAgentSignsInThroughKeycloakAndGetsExactlyTheMappedRole() throws Exception {
        long since = lastAuditSeq();
        try (Browser browser = new Browser()) {
            try {
                browser.open("/signin.xhtml");
                assertTrue(browser.text("#ssoSignIn").contains("Sign in with Keycloak"), "the single sign-on option is offered");
                browser.find("#signinForm\\:username"); // and the built-in form is still there
                browser.click("#ssoSignIn");
                assertTrue(browser.driver().getCurrentUrl().startsWith(KeycloakServer.realmUrl()),
                        "the browser is at Keycloak: " + browser.driver().getCurrentUrl());
                signInAtKeycloak(browser, "olivia.agent", "Keycloak-Olivia-2026");

                browser.find("#customersForm\\:search");
                assertTrue(browser.driver().getCurrentUrl().endsWith("/customers/index.xhtml"),
                        "an agent starts at customers: " + browser.driver().getCurrentUrl());
                assertTrue(browser.text("body").contains("Olivia Agent"), "the header names the staff member");
                browser.screenshot("oidc-agent-signed-in");

                browser.open("/customers/users.xhtml?customer=" + CONTOSO);
                browser.type("#usersForm\\:search", "contoso");
                browser.waitForText("#usersForm\\:users", "@contoso");

                browser.open("/admin/staff.xhtml");
                assertTrue(browser.text("body").contains("Your role does not allow this page"),
                        "an agent may not open admin pages: " + browser.text("body"));
                browser.open("/audit/index.xhtml");
                assertFalse(browser.driver().getPageSource().contains("auditForm"), "nor the audit trail");
                assertEquals(0, browser.driver().findElements(org.openqa.selenium.By.linkText("Password")).size(),
                        "single sign-on users have no portal password to change");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("failure-oidc-agent");
                throw e;
            }
        }
        List<Map<String, String>> events = auditSince(since, "olivia.agent");
        Map<String, String> signIn = events.stream().filter(e -> e.get("type").equals("SIGN_IN_SUCCEEDED")).findFirst()
                .orElseThrow(() -> new AssertionError("no sign-in audited: " + events));
        assertEquals("agent", signIn.get("roles"));
        assertEquals("oidc", signIn.get("method"), "the audit records how the staff member signed in");
        assertEquals("Olivia Agent", signIn.get("name"), "and their name, so a search by name finds the sign-in");
        assertTrue(events.stream().anyMatch(e -> e.get("type").equals("AUTHORIZATION_DENIED")),
                "the refused admin page is audited as for any staff member: " + events);
    }

    @Test
    void someoneWhoseGroupsGiveNoRoleIsRefusedWithAClearMessageAndAudited() throws Exception {
        long since = lastAuditSeq();
        try (Browser browser = new Browser()) {
            try {
                browser.open("/signin.xhtml");
                browser.click("#ssoSignIn");
                signInAtKeycloak(browser, "nora.nogroup", "Keycloak-Nora-2026");
                String notice = browser.text("#notice");
                assertTrue(notice.contains("nora.nogroup") && notice.contains("none of your groups gives access"), notice);
                assertTrue(browser.driver().getCurrentUrl().contains("/signin.xhtml"), browser.driver().getCurrentUrl());
                browser.screenshot("oidc-no-group-refused");

                browser.open("/customers/index.xhtml");
                assertTrue(browser.driver().getCurrentUrl().contains("/signin.xhtml"), "not signed in: "
                        + browser.driver().getCurrentUrl());
                assertEquals(0, browser.driver().findElements(org.openqa.selenium.By.id("notice")).size(),
                        "the message is shown once");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("failure-oidc-no-group");
                throw e;
            }
        }
        List<Map<String, String>> events = auditSince(since, "nora.nogroup");
        assertEquals(1, events.size(), events.toString());
        assertEquals("SIGN_IN_FAILED", events.get(0).get("type"));
        assertEquals("no-mapped-role", events.get(0).get("reason"));
        assertEquals("oidc", events.get(0).get("method"));
    }

    @Test
    void anAdminThroughKeycloakOpensAdminPagesAndBuiltInAccountsStillWorkBeside() throws Exception {
        long since = lastAuditSeq();
        try (Browser browser = new Browser()) {
            try {
                browser.open("/admin/staff.xhtml"); // not signed in yet: the sign-in page remembers where to go
                assertTrue(browser.driver().getCurrentUrl().contains("/signin.xhtml?next="), browser.driver().getCurrentUrl());
                browser.click("#ssoSignIn");
                signInAtKeycloak(browser, "adam.admin", "Keycloak-Adam-2026");
                assertTrue(browser.driver().getCurrentUrl().endsWith("/admin/staff.xhtml"),
                        "after single sign-on the admin is where they wanted to go: " + browser.driver().getCurrentUrl());
                assertTrue(browser.text("h1.ud-title").contains("Staff accounts"),
                        "an admin opens staff administration: " + browser.text("body"));
                browser.click("#sessionForm\\:signOut");
                assertTrue(browser.driver().getCurrentUrl().contains("/signin.xhtml"));
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("failure-oidc-admin");
                throw e;
            }
        }
        WebSession agent = new WebSession();
        assertEquals(302, agent.signIn("agent", "demo").status(), "the built-in account signs in as before");
        assertEquals(200, agent.get("/customers/index.xhtml").status());
        assertEquals(403, agent.get("/admin/staff.xhtml").status());
        Map<String, String> passwordSignIn = auditSince(since, "agent").stream()
                .filter(e -> e.get("type").equals("SIGN_IN_SUCCEEDED")).findFirst().orElseThrow();
        assertEquals("password", passwordSignIn.get("method"));
        assertEquals("oidc", auditSince(since, "adam.admin").stream()
                .filter(e -> e.get("type").equals("SIGN_IN_SUCCEEDED")).findFirst().orElseThrow().get("method"));
    }

    // ---------------------------------------------------------------- API tokens from an external issuer (JWKS)

    @Test
    void keycloakTokensOpenTheApiWithMappedRolesAndForeignKeysAreRefused() throws Exception {
        String agentToken = keycloakToken("olivia.agent", "Keycloak-Olivia-2026");
        Http.Answer search = Http.get(SEARCH, agentToken);
        assertEquals(200, search.status(), search.body());
        assertTrue(search.body().contains("Contoso"), search.body());
        assertEquals(403, Http.get("/api/audit/events", agentToken).status(), "portal-agents maps to agent only");
        assertEquals(200, Http.get("/api/audit/events", keycloakToken("adam.admin", "Keycloak-Adam-2026")).status());
        assertEquals(403, Http.get(SEARCH, keycloakToken("nora.nogroup", "Keycloak-Nora-2026")).status(),
                "a valid token whose groups give no role opens nothing");

        var attacker = KeyPairGenerator.getInstance("RSA");
        attacker.initialize(2048);
        var attackerKey = attacker.generateKeyPair();
        String keycloakKid = SignedJWT.parse(agentToken).getHeader().getKeyID();
        JWTClaimsSet claims = SignedJWT.parse(agentToken).getJWTClaimsSet();
        Map<String, String> refused = Map.of(
                "unknown kid", forge(attackerKey, "not-a-keycloak-key", claims),
                "Keycloak's kid, another key", forge(attackerKey, keycloakKid, claims),
                "no kid", forge(attackerKey, null, claims));
        for (Map.Entry<String, String> attack : refused.entrySet()) {
            Http.Answer answer = Http.get(SEARCH, attack.getValue());
            assertEquals(401, answer.status(), attack.getKey() + ": " + answer.body());
        }
        Http.Answer tokenEndpoint = Http.send("POST", "/api/token", null, "application/x-www-form-urlencoded",
                "username=agent&password=demo");
        assertEquals(404, tokenEndpoint.status(), "the portal does not sign tokens while an external issuer is configured");

        // rotation: Keycloak signs with a new key from now on; the portal picks it up when its JWKS cache runs out
        rotateKeycloakSigningKey();
        String rotated = keycloakToken("olivia.agent", "Keycloak-Olivia-2026");
        assertNotEquals(keycloakKid, SignedJWT.parse(rotated).getHeader().getKeyID(), "Keycloak signs with the new key");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = Http.get(SEARCH, rotated).status();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = Http.get(SEARCH, rotated).status();
        }
        assertEquals(200, status, "a token signed with the rotated key is accepted once the JWKS is re-read");
        assertEquals(200, Http.get(SEARCH, agentToken).status(), "the old key is still published, so its tokens still work");
    }

    // ---------------------------------------------------------------- helpers

    private static void signInAtKeycloak(Browser browser, String username, String password) {
        browser.type("#username", username);
        browser.type("#password", password);
        browser.click("#kc-login");
    }

    private static String keycloakToken(String username, String password) throws Exception {
        JsonObject answer = postForm(KeycloakServer.realmUrl() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", API_CLIENT, "client_secret", API_CLIENT_SECRET,
                "username", username, "password", password, "scope", "openid"), null);
        return answer.getString("access_token");
    }

    private static void rotateKeycloakSigningKey() throws Exception {
        String base = "http://127.0.0.1:" + KeycloakServer.port();
        String admin = postForm(base + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", KeycloakServer.ADMIN, "password", KeycloakServer.ADMIN_PASSWORD), null)
                .getString("access_token");
        String component = """
                {"name":"rotated-rsa","providerId":"rsa-generated","providerType":"org.keycloak.keys.KeyProvider",
                 "parentId":"userdesk","config":{"priority":["500"],"keySize":["2048"],"active":["true"],
                 "enabled":["true"],"algorithm":["RS256"]}}""";
        HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(
                        URI.create(base + "/admin/realms/" + KeycloakServer.REALM + "/components"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    private static JsonObject postForm(String url, Map<String, String> form, String bearer) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String forge(java.security.KeyPair key, String kid, JWTClaimsSet claims) throws Exception {
        JWTClaimsSet fresh = new JWTClaimsSet.Builder(claims).jwtID(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                fresh);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static long lastAuditSeq() throws Exception {
        try (Connection c = ItDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(seq), 0) FROM audit_event"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** type, roles, method and reason of the actor's audit events after {@code since}, oldest first. */
    private static List<Map<String, String>> auditSince(long since, String actor) throws Exception {
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        try (Connection c = ItDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_type, coalesce(actor_roles, ''), coalesce(details::jsonb ->> 'method', ''), "
                        + "coalesce(details::jsonb ->> 'reason', ''), coalesce(actor_name, '') FROM audit_event"
                        + " WHERE seq > ? AND actor_id = ? ORDER BY seq")) {
            ps.setLong(1, since);
            ps.setString(2, actor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(Map.of("type", rs.getString(1), "roles", rs.getString(2), "method", rs.getString(3),
                            "reason", rs.getString(4), "name", rs.getString(5)));
                }
            }
        }
        assertNotNull(rows);
        return rows;
    }
}
