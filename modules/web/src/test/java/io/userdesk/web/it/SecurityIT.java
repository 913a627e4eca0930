package io.userdesk.web.it;

import static io.userdesk.web.it.PortalDeployment.CONTOSO;
import static io.userdesk.web.it.PortalDeployment.DANIEL_TSAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.userdesk.web.security.PermissionMatrix;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * What an attacker would try, against the real portal: forged and tampered API tokens, cross-site and replayed form
 * posts, script in Partner Center data, missing security headers; and the permission matrix walked as every role.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {
    private static final String SEARCH = "/api/customers?search=contoso";
    private static final String[] ROLES = {"agent", "reviewer", "admin"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PortalDeployment.portal();
    }

    // ---------------------------------------------------------------- API tokens (MP JWT)

    @Test
    void forgedAndTamperedTokensAreRefusedAndOnlyAGoodOneIsAccepted() throws Exception {
        KeyPair portalKey = portalSigningKey();
        String kid = keyId(portalKey);
        assertEquals(200, Http.get(SEARCH, sign(portalKey, kid, claims("agent").build())).status(),
                "a token the portal itself would issue, forged here with its key, is accepted");
        assertEquals(200, Http.get(SEARCH, Http.token("agent", "demo")).status());

        Map<String, String> attacks = new LinkedHashMap<>();
        String unsignedClaims = claims("agent").build().toString();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            attacks.put("alg " + none, b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + b64(unsignedClaims) + ".");
            attacks.put("alg " + none + " with kid", b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                    + "." + b64(unsignedClaims) + ".");
        }
        byte[] publicPem = pem(portalKey).getBytes(StandardCharsets.US_ASCII);
        attacks.put("HS256 keyed with the public key (PEM)", hmac(publicPem, kid, claims("agent").build()));
        attacks.put("HS256 keyed with the public key (DER)", hmac(pad(portalKey.getPublic().getEncoded()), kid,
                claims("agent").build()));
        Instant now = Instant.now();
        attacks.put("expired", sign(portalKey, kid, claims("agent").issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600))).build()));
        attacks.put("not yet valid", sign(portalKey, kid, claims("agent").notBeforeTime(Date.from(now.plusSeconds(3600))).build()));
        attacks.put("issued in the future", sign(portalKey, kid, claims("agent").issueTime(Date.from(now.plusSeconds(3600)))
                .expirationTime(Date.from(now.plusSeconds(4000))).build()));
        attacks.put("no expiry", sign(portalKey, kid, claims("agent").expirationTime(null).build()));
        attacks.put("wrong issuer", sign(portalKey, kid, claims("agent").issuer("https://evil.example").build()));
        attacks.put("wrong audience", sign(portalKey, kid, claims("agent").audience("some-other-api").build()));
        attacks.put("no audience", sign(portalKey, kid, claims("agent").audience((String) null).build()));
        KeyPair attackerKey = rsaKeyPair();
        attacks.put("signed by another key", sign(attackerKey, kid, claims("agent").build()));
        String good = sign(portalKey, kid, claims("agent").build());
        attacks.put("signature of another token", good.substring(0, good.lastIndexOf('.') + 1)
                + sign(portalKey, kid, claims("admin").build()).substring(good.lastIndexOf('.') + 1));
        attacks.put("unknown kid", sign(portalKey, "another-key", claims("agent").build()));
        attacks.put("no kid", sign(portalKey, (String) null, claims("agent").build()));
        attacks.put("kid path traversal, HS256 over /dev/null", hmac(new byte[32], "../../../../../../dev/null",
                claims("agent").build()));
        attacks.put("kid SQL injection", sign(portalKey, "x' UNION SELECT 'k' --", claims("agent").build()));
        JWSHeader jku = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("attacker")
                .jwkURL(URI.create("http://127.0.0.1:18119/jwks.json")).build();
        attacks.put("jku pointing at the attacker's keys", sign(attackerKey, jku, claims("agent").build()));
        JWSHeader jwk = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                .jwk(new RSAKey.Builder((RSAPublicKey) attackerKey.getPublic()).keyID(kid).build()).build();
        attacks.put("embedded jwk of the attacker", sign(attackerKey, jwk, claims("agent").build()));
        JWSHeader jkuWithGoodKey = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid)
                .jwkURL(URI.create("http://127.0.0.1:18119/jwks.json")).build();
        attacks.put("jku header even on a well-signed token", sign(portalKey, jkuWithGoodKey, claims("agent").build()));
        attacks.put("RS384 instead of RS256", sign(portalKey, new JWSHeader.Builder(JWSAlgorithm.RS384)
                .type(JOSEObjectType.JWT).keyID(kid).build(), claims("agent").build()));

        insertAccount("retired.agent", false);
        attacks.put("token for a disabled account", sign(portalKey, kid, claims("retired.agent").build()));
        attacks.put("token for an account that does not exist", sign(portalKey, kid, claims("nobody.here").build()));

        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            Http.Answer answer = Http.get(SEARCH, attack.getValue());
            assertEquals(401, answer.status(), attack.getKey() + " must be refused: " + answer.body());
            assertEquals("application/problem+json", answer.header("Content-Type").split(";")[0], attack.getKey());
            assertFalse(answer.body().contains("Exception"), attack.getKey() + ": " + answer.body());
        }

        insertAccount("active.agent", true);
        assertEquals(200, Http.get(SEARCH, sign(portalKey, kid, claims("active.agent").build())).status(),
                "the same forging with an enabled account works, so the refusal above is about the account");
    }

    @Test
    void aSessionCookieNeverOpensTheApiAndATokenNeverOpensPages() {
        WebSession agent = new WebSession();
        assertEquals(302, agent.signIn("agent", "demo").status());
        assertEquals(200, agent.get("/customers/index.xhtml").status());
        assertEquals(401, agent.get(SEARCH).status(), "the session cookie alone does not authenticate /api/*");

        Http.Answer page = Http.send("GET", "/customers/index.xhtml", Http.token("agent", "demo"), null, null);
        assertEquals(302, page.status());
        assertTrue(page.header("Location").contains("/signin.xhtml"), "a bearer token does not open pages");
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void signInGivesANewSessionIdAndHardenedCookie() {
        WebSession session = new WebSession();
        Http.Answer signInPage = session.get("/signin.xhtml");
        String before = session.sessionId();
        assertNotNull(before, "the sign-in page starts a session for its ViewState");
        String cookie = signInPage.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        assertEquals(302, session.signIn("agent", "demo").status());
        assertNotEquals(before, session.sessionId(), "the session id changes at sign-in (no session fixation)");
    }

    // ---------------------------------------------------------------- CSRF

    @Test
    void replayedOrCrossSiteFormPostsChangeNothing() {
        WebSession agent = new WebSession();
        agent.signIn("agent", "demo");
        Http.Answer page = agent.get("/customers/index.xhtml");
        assertEquals(200, page.status());
        String viewState = WebSession.viewState(page.body());
        Map<String, String> signOut = new LinkedHashMap<>();
        signOut.put("sessionForm", "sessionForm");
        signOut.put("sessionForm:signOut", "");

        // no ViewState: Faces renders the page again and runs no action
        agent.post("/customers/index.xhtml", signOut, Map.of());
        assertEquals(200, agent.get("/customers/index.xhtml").status(), "a post without ViewState did not sign out");

        // a forged ViewState
        Map<String, String> forged = new LinkedHashMap<>(signOut);
        forged.put("jakarta.faces.ViewState", "-1234567890123456789:-987654321098765432");
        agent.post("/customers/index.xhtml", forged, Map.of());
        assertEquals(200, agent.get("/customers/index.xhtml").status(), "a forged ViewState did not sign out");

        // the real ViewState, but sent from another site
        Map<String, String> genuine = new LinkedHashMap<>(signOut);
        genuine.put("jakarta.faces.ViewState", viewState);
        genuine.put("primefaces.nonce", WebSession.nonce(page.body()));
        Http.Answer crossSite = agent.post("/customers/index.xhtml", genuine, Map.of("Origin", "https://evil.example"));
        assertEquals(403, crossSite.status());
        assertTrue(crossSite.body().contains("another site"), crossSite.body());
        Http.Answer crossSiteFetch = agent.post("/customers/index.xhtml", genuine, Map.of("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, crossSiteFetch.status());
        Http.Answer crossSiteReferer = agent.post("/customers/index.xhtml", genuine,
                Map.of("Referer", "https://evil.example/page"));
        assertEquals(403, crossSiteReferer.status());
        assertEquals(200, agent.get("/customers/index.xhtml").status(), "cross-site posts did not sign out");

        // the same post from the portal itself works: the refusals above are about the forgery
        Http.Answer sameSite = agent.post("/customers/index.xhtml", genuine,
                Map.of("Origin", PortalDeployment.baseUrl(), "Sec-Fetch-Site", "same-origin"));
        assertEquals(302, sameSite.status(), sameSite.body());
        assertTrue(agent.get("/customers/index.xhtml").header("Location").contains("/signin.xhtml"), "now signed out");
    }

    @Test
    void aSignInPostedWithoutViewStateSignsNobodyIn() {
        WebSession session = new WebSession();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signinForm", "signinForm");
        form.put("signinForm:username", "agent");
        form.put("signinForm:password", "demo");
        form.put("signinForm:signIn", "");
        session.post("/signin.xhtml", form, Map.of());
        assertEquals(302, session.get("/customers/index.xhtml").status(), "login CSRF: no session was established");
    }

    // ---------------------------------------------------------------- headers

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        WebSession reviewer = new WebSession();
        reviewer.signIn("reviewer", "demo");
        Map<String, Http.Answer> answers = new LinkedHashMap<>();
        answers.put("sign-in page", Http.get("/signin.xhtml", null));
        answers.put("redirect to sign in", Http.get("/customers/index.xhtml", null));
        answers.put("stylesheet", Http.get("/jakarta.faces.resource/css/userdesk.css.xhtml", null));
        answers.put("page not found", Http.get("/no-such-page.xhtml", null));
        answers.put("forbidden page", reviewer.get("/customers/index.xhtml"));
        answers.put("audit page", reviewer.get("/audit/index.xhtml"));
        answers.put("API without token", Http.get(SEARCH, null));
        answers.put("API with token", Http.get(SEARCH, Http.token("agent", "demo")));
        answers.put("API forbidden", Http.get(SEARCH, Http.token("reviewer", "demo")));
        answers.put("token endpoint, bad password", Http.send("POST", "/api/token", null,
                "application/x-www-form-urlencoded", "username=agent&password=wrong"));
        for (Map.Entry<String, Http.Answer> e : answers.entrySet()) {
            Http.Answer a = e.getValue();
            String csp = a.header("Content-Security-Policy");
            assertNotNull(csp, e.getKey() + " has no CSP");
            for (String directive : List.of("default-src 'self'", "object-src 'none'", "base-uri 'none'",
                    "frame-ancestors 'none'", "script-src 'self'")) {
                assertTrue(csp.contains(directive), e.getKey() + ": " + csp);
            }
            assertFalse(csp.contains("unsafe-eval") || csp.contains("script-src 'self' 'unsafe-inline'"), csp);
            assertEquals(1, a.raw().headers().allValues("Content-Security-Policy").size(), e.getKey() + ": one policy");
            assertEquals("nosniff", a.header("X-Content-Type-Options"), e.getKey());
            assertEquals("same-origin", a.header("Referrer-Policy"), e.getKey());
            assertNull(a.header("Strict-Transport-Security"), "HSTS only over HTTPS: " + e.getKey());
            assertNull(a.header("X-Powered-By"), e.getKey());
            assertNull(a.header("Server"), e.getKey() + " names the server (and its version): " + a.header("Server"));
            assertFalse(a.body().contains("at io.userdesk") || a.body().contains("at java."), e.getKey() + " shows a stack trace");
        }
        assertEquals(403, answers.get("forbidden page").status());
        assertEquals(404, answers.get("page not found").status());
        assertTrue(answers.get("sign-in page").header("Content-Security-Policy").contains("'nonce-"),
                "Faces pages carry PrimeFaces' nonce for their scripts");
    }

    // ---------------------------------------------------------------- XSS

    @Test
    void scriptInDisplayNamesRendersAsTextOnEveryPageThatShowsIt() {
        String imgPayload = "<img src=x onerror=alert(1)>";
        String scriptPayload = "\"><script>alert(2)</script>";
        String second = "1f13de8b-0b92-33fe-943e-fea16823f3e7";
        setDisplayName(DANIEL_TSAI, imgPayload);
        // the second payload goes through the portal's own PATCH, so the audit trail carries it too
        Http.Answer patched = Http.patch("/api/customers/" + CONTOSO + "/users/" + second, Http.token("agent", "demo"),
                "{\"displayName\":" + jsonString(scriptPayload) + ",\"attributes\":{\"objectType\":\"CustomerUser\"}}");
        assertEquals(200, patched.status(), patched.body());
        String correlationId = patched.header("MS-CorrelationId");

        try (Browser browser = new Browser()) {
            try {
                browser.open("/signin.xhtml");
                browser.signIn("agent", "demo");
                browser.find("#customersForm\\:search");

                browser.open("/customers/users.xhtml?customer=" + CONTOSO);
                browser.type("#usersForm\\:search", "contoso");
                browser.waitForText("#usersForm\\:users", imgPayload);
                assertRenderedAsText(browser, imgPayload, "users list");
                assertTrue(browser.text("#usersForm\\:users").contains(scriptPayload), "users list shows the script text");
                assertRenderedAsText(browser, scriptPayload, "users list");
                browser.screenshot("security-xss-users");

                for (String user : List.of(DANIEL_TSAI, second)) {
                    browser.open("/customers/edit.xhtml?customer=" + CONTOSO + "&user=" + user);
                    String payload = user.equals(DANIEL_TSAI) ? imgPayload : scriptPayload;
                    assertTrue(browser.text("h1").contains(payload), "heading shows the name as text");
                    assertTrue(browser.driver().getTitle().contains(payload), "title shows the name as text");
                    assertEquals(payload, browser.find("#editForm\\:displayName").getAttribute("value"));
                    assertRenderedAsText(browser, payload, "edit page");
                }
                browser.screenshot("security-xss-edit");

                // the audit pages show the same name as text
                browser.click("#sessionForm\\:signOut");
                browser.open("/signin.xhtml");
                browser.signIn("reviewer", "demo");
                browser.open("/audit/index.xhtml");
                browser.waitForText("#auditForm\\:events", correlationId);
                assertRenderedAsText(browser, "chun-chieh.hsieh@contoso.com", "audit list");
                browser.driver().findElement(By.xpath("//*[@id='auditForm:events']//tbody/tr[contains(., '" + correlationId
                        + "')][1]//a")).click();
                browser.waitForPage();
                browser.waitForText("#changes", scriptPayload);
                assertRenderedAsText(browser, scriptPayload, "audit event");
                browser.screenshot("security-xss-audit-event");
                List<String> csp = browser.consoleMessages().stream()
                        .filter(m -> m.contains("Content Security Policy")).toList();
                assertEquals(List.of(), csp, "PrimeFaces works under the CSP: no violation in the console");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("failure-security-xss");
                throw e;
            }
        }
    }

    private static void assertRenderedAsText(Browser browser, String payload, String where) {
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(), where + ": no dialog");
        assertEquals(0, browser.driver().findElements(By.cssSelector("img[src='x']")).size(), where + ": no injected img");
        Object injectedScripts = browser.driver().executeScript(
                "return Array.from(document.scripts).filter(s => s.text.indexOf('alert(2)') >= 0).length;");
        assertEquals(0L, injectedScripts, where + ": no injected script");
        assertTrue(browser.driver().findElement(By.tagName("body")).getText().contains(payload), where + " shows the text");
    }

    private static void setDisplayName(String userId, String displayName) {
        String json = "{\"displayName\":" + jsonString(displayName) + ",\"attributes\":{\"objectType\":\"CustomerUser\"}}";
        Http.Answer answer = Http.send("PATCH", "/partner-center/v1/customers/" + CONTOSO + "/users/" + userId,
                PortalDeployment.EMULATOR_TOKEN, "application/json", json);
        assertEquals(200, answer.status(), answer.body());
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---------------------------------------------------------------- permission matrix

    @Test
    void everyPageAndEndpointAnswersEachRoleAsTheMatrixSays() {
        Map<String, WebSession> sessions = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : ROLES) {
            WebSession session = new WebSession();
            assertEquals(302, session.signIn(role, "demo").status(), role + " signs in");
            sessions.put(role, session);
            tokens.put(role, Http.token(role, "demo"));
        }
        WebSession anonymous = new WebSession();
        String patch = "{\"usageLocation\":\"TW\",\"attributes\":{\"objectType\":\"CustomerUser\"}}";
        int checks = 0;
        for (PermissionMatrix.Entry entry : PermissionMatrix.ENTRIES) {
            if (entry.kind() == PermissionMatrix.Kind.PAGE) {
                for (String role : ROLES) {
                    Http.Answer a = sessions.get(role).get(entry.sample());
                    String what = role + " GET " + entry.sample() + " -> " + a.status();
                    if (entry.allows(role)) {
                        assertTrue(a.status() == 200 || a.status() == 404 && entry.path().startsWith("/audit/event")
                                || a.status() == 302 && !a.header("Location").contains("/signin"), what);
                    } else {
                        assertEquals(403, a.status(), what);
                    }
                    checks++;
                }
                Http.Answer a = anonymous.get(entry.sample());
                if (entry.open()) {
                    assertEquals(200, a.status(), "anonymous GET " + entry.sample());
                } else {
                    assertEquals(302, a.status(), "anonymous GET " + entry.sample());
                    assertTrue(a.header("Location").contains("/signin.xhtml"), "anonymous is sent to sign in");
                }
                checks++;
            } else if (entry.open() && entry.method().equals("GET")) {
                for (String role : ROLES) {
                    assertEquals(200, Http.get(entry.sample(), tokens.get(role)).status(), role + " GET " + entry.path());
                    checks++;
                }
                assertEquals(200, Http.get(entry.sample(), null).status(), "anonymous GET " + entry.path());
                checks++;
            } else if (entry.open()) {
                assertEquals(400, Http.send(entry.method(), entry.sample(), null, "application/x-www-form-urlencoded", "")
                        .status(), "anonymous reaches " + entry.path());
                checks++;
            } else {
                String body = entry.method().equals("PATCH") ? patch : null;
                for (String role : ROLES) {
                    Http.Answer a = Http.send(entry.method(), entry.sample(), tokens.get(role),
                            body == null ? null : "application/json", body);
                    String what = role + " " + entry.method() + " " + entry.sample() + " -> " + a.status() + " " + a.body();
                    if (entry.allows(role)) {
                        assertTrue(a.status() == 200 || a.status() == 404 && entry.path().endsWith("{seq}"), what);
                    } else {
                        assertEquals(403, a.status(), what);
                    }
                    checks++;
                }
                assertEquals(401, Http.send(entry.method(), entry.sample(), null,
                        body == null ? null : "application/json", body).status(), "anonymous " + entry.path());
                checks++;
            }
        }
        assertTrue(checks >= PermissionMatrix.ENTRIES.size() * 2, "walked " + checks + " cells");
    }

    @Test
    void anOutOfScopeAgentSeesNeitherTheCustomerNorItsIds() throws Exception {
        String otherCustomer = "00000000-0000-4000-8000-00000000abcd";
        try (Connection c = ItDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO staff_account (username, display_name, password_hash, roles, customer_scope) "
                        + "SELECT 'scoped.agent', 'Scoped Agent', password_hash, 'agent', ? FROM staff_account "
                        + "WHERE username = 'agent' ON CONFLICT (username) DO NOTHING")) {
            ps.setString(1, otherCustomer);
            ps.executeUpdate();
        }
        String token = Http.token("scoped.agent", "demo");
        Http.Answer list = Http.get(SEARCH, token);
        assertEquals(200, list.status());
        assertEquals(0, list.json().getJsonArray("items").size(), "Contoso is not listed: " + list.body());
        long logStart = Http.lastEmulatorRequestSeq();
        for (PermissionMatrix.Entry entry : PermissionMatrix.ENTRIES) {
            if (entry.kind() == PermissionMatrix.Kind.API && entry.path().contains("{customerId}")) {
                String body = entry.method().equals("PATCH")
                        ? "{\"usageLocation\":\"TW\",\"attributes\":{\"objectType\":\"CustomerUser\"}}" : null;
                Http.Answer a = Http.send(entry.method(), entry.sample(), token, body == null ? null : "application/json", body);
                assertEquals(404, a.status(), entry.method() + " " + entry.sample() + " " + a.body());
            }
        }
        assertTrue(Http.emulatorRequests(logStart).stream()
                .noneMatch(r -> r.asJsonObject().getString("method").equals("PATCH")), "no PATCH reached Partner Center");

        WebSession scoped = new WebSession();
        scoped.signIn("scoped.agent", "demo");
        for (String page : List.of("/customers/users.xhtml?customer=" + CONTOSO,
                "/customers/edit.xhtml?customer=" + CONTOSO + "&user=" + DANIEL_TSAI)) {
            Http.Answer a = scoped.get(page);
            assertFalse(a.body().contains("Contoso Ltd") || a.body().contains("daniel.tsai@"), page + " leaks: " + a.body());
        }

        try (Connection c = ItDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE staff_account SET customer_scope = ? WHERE username = 'scoped.agent'")) {
            ps.setString(1, otherCustomer + "," + CONTOSO);
            ps.executeUpdate();
        }
        assertEquals(200, Http.get("/api/customers/" + CONTOSO, token).status(), "in scope, the same agent sees Contoso");
        assertEquals(1, Http.get(SEARCH, token).json().getJsonArray("items").size());
    }

    // ---------------------------------------------------------------- helpers

    private static JWTClaimsSet.Builder claims(String username) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("urn:userdesk:portal")
                .subject(username)
                .audience("userdesk-api")
                .claim("upn", username)
                .claim("groups", List.of("agent"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(KeyPair key, String kid, JWTClaimsSet claims) throws Exception {
        return sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
    }

    private static String sign(KeyPair key, JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static String hmac(byte[] secret, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static byte[] pad(byte[] key) {
        return key.length >= 32 ? key : java.util.Arrays.copyOf(key, 32);
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The portal's own signing key, as it keeps it under USERDESK_HOME (target/it-home in ITs). */
    private static KeyPair portalSigningKey() throws Exception {
        Path file = Path.of(System.getProperty("it.home", "target/it-home"), "keys", "api-token-signing-key.pk8");
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new KeyPair(publicKey, (RSAPrivateKey) privateKey);
    }

    private static String keyId(KeyPair key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static void insertAccount(String username, boolean enabled) throws Exception {
        try (Connection c = ItDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO staff_account (username, display_name, password_hash, roles, enabled) VALUES (?, ?, ?, 'agent', ?) "
                        + "ON CONFLICT (username) DO UPDATE SET enabled = EXCLUDED.enabled")) {
            ps.setString(1, username);
            ps.setString(2, username);
            ps.setString(3, "not-a-usable-hash");
            ps.setBoolean(4, enabled);
            ps.executeUpdate();
        }
    }

}
