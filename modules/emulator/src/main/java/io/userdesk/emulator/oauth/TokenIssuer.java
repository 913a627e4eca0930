package io.userdesk.emulator.oauth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks App+User access tokens the way the Microsoft identity platform does for Partner Center
 * (reference §4.1): a refresh-token grant with the app's client id and secret for
 * {@code resource=https://api.partnercenter.microsoft.com} gives an opaque bearer token that expires after a
 * configurable lifetime. Plain Java so its rules are unit-tested without a server. Thread-safe.
 */
public class TokenIssuer {
    public static final String PARTNER_CENTER_RESOURCE = "https://api.partnercenter.microsoft.com";

    /** The only credentials the emulator accepts; the demo values are in README. */
    public record Credentials(String tenant, String clientId, String clientSecret, String refreshToken) {
    }

    /** A successful grant, to be written as the documented JSON. */
    public record Grant(String accessToken, Instant notBefore, Instant expiresOn, long expiresInSeconds) {
    }

    /** A refused grant: the OAuth error code and the AADSTS-style description. */
    public static class GrantRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String error;

        GrantRefused(int status, String error, String description) {
            super(description);
            this.status = status;
            this.error = error;
        }

        public int status() { return status; }
        public String error() { return error; }
    }

    /** What a bearer token is worth right now. */
    public enum Check { VALID, EXPIRED, UNKNOWN }

    private static final SecureRandom RANDOM = new SecureRandom();

    private Credentials credentials;
    private Clock clock;
    private volatile Duration lifetime;
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();

    /** For CDI's client proxy only (the bean is application-scoped); use the other constructor. */
    protected TokenIssuer() {
    }

    public TokenIssuer(Credentials credentials, Duration lifetime, Clock clock) {
        this.credentials = credentials;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Grant grant(String tenant, String grantType, String refreshToken, String clientId, String clientSecret,
                       String resource) {
        if (!"refresh_token".equals(grantType)) {
            throw new GrantRefused(400, "unsupported_grant_type",
                    "AADSTS70003: The app requested an unsupported grant type '" + grantType + "'.");
        }
        if (!equal(credentials.tenant(), tenant)) {
            throw new GrantRefused(400, "invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found.");
        }
        if (!equal(credentials.clientId(), clientId) || !equal(credentials.clientSecret(), clientSecret)) {
            throw new GrantRefused(401, "invalid_client",
                    "AADSTS7000215: Invalid client secret provided, or the application was not found.");
        }
        if (!PARTNER_CENTER_RESOURCE.equals(resource)) {
            throw new GrantRefused(400, "invalid_resource",
                    "AADSTS500011: The resource principal named " + resource + " was not found in the tenant.");
        }
        if (!equal(credentials.refreshToken(), refreshToken)) {
            throw new GrantRefused(400, "invalid_grant",
                    "AADSTS70000: The provided value for the 'refresh_token' is not valid.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "emu." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresOn = now.plus(lifetime);
        expiryByToken.put(token, expiresOn);
        return new Grant(token, now, expiresOn, lifetime.toSeconds());
    }

    public Check check(String token) {
        Instant expiry = token == null ? null : expiryByToken.get(token);
        if (expiry == null) {
            return Check.UNKNOWN;
        }
        return clock.instant().isBefore(expiry) ? Check.VALID : Check.EXPIRED;
    }

    /** Makes every token issued so far expired, as if their lifetime had passed; for tests of renewal. */
    public void expireAll() {
        Instant now = clock.instant().minusSeconds(1);
        expiryByToken.replaceAll((token, expiry) -> now);
    }

    /** Sets the lifetime of tokens issued from now on. */
    public void lifetime(Duration newLifetime) {
        this.lifetime = newLifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public int issuedCount() {
        return expiryByToken.size();
    }

    public void reset() {
        expiryByToken.clear();
    }

    private static boolean equal(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
