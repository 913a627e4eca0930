package io.userdesk.emulator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The emulator's App+User token rules (reference §4.1). */
class TokenIssuerTest {
    private static final TokenIssuer.Credentials DEMO =
            new TokenIssuer.Credentials("demo-partner", "userdesk-demo", "demo-secret", "demo-refresh-token");

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void aValidGrantGivesATokenThatExpiresAfterItsLifetime() {
        MovableClock clock = new MovableClock();
        TokenIssuer issuer = new TokenIssuer(DEMO, Duration.ofSeconds(60), clock);
        TokenIssuer.Grant grant = issuer.grant("demo-partner", "refresh_token", "demo-refresh-token", "userdesk-demo",
                "demo-secret", TokenIssuer.PARTNER_CENTER_RESOURCE);
        assertEquals(60, grant.expiresInSeconds());
        assertEquals(TokenIssuer.Check.VALID, issuer.check(grant.accessToken()));
        clock.now = clock.now.plusSeconds(60);
        assertEquals(TokenIssuer.Check.EXPIRED, issuer.check(grant.accessToken()));
        assertEquals(TokenIssuer.Check.UNKNOWN, issuer.check("made-up"));
    }

    @Test
    void expireAllEndsEveryIssuedToken() {
        TokenIssuer issuer = new TokenIssuer(DEMO, Duration.ofHours(1), new MovableClock());
        String token = issuer.grant("demo-partner", "refresh_token", "demo-refresh-token", "userdesk-demo", "demo-secret",
                TokenIssuer.PARTNER_CENTER_RESOURCE).accessToken();
        issuer.expireAll();
        assertEquals(TokenIssuer.Check.EXPIRED, issuer.check(token));
    }

    @Test
    void wrongCredentialsAreRefusedWithTheIdentityPlatformsErrors() {
        TokenIssuer issuer = new TokenIssuer(DEMO, Duration.ofHours(1), new MovableClock());
        assertEquals("invalid_grant", assertThrows(TokenIssuer.GrantRefused.class, () -> issuer.grant("demo-partner",
                "refresh_token", "stale", "userdesk-demo", "demo-secret", TokenIssuer.PARTNER_CENTER_RESOURCE)).error());
        TokenIssuer.GrantRefused badSecret = assertThrows(TokenIssuer.GrantRefused.class, () -> issuer.grant("demo-partner",
                "refresh_token", "demo-refresh-token", "userdesk-demo", "wrong", TokenIssuer.PARTNER_CENTER_RESOURCE));
        assertEquals(401, badSecret.status());
        assertEquals("invalid_client", badSecret.error());
        assertEquals("invalid_resource", assertThrows(TokenIssuer.GrantRefused.class, () -> issuer.grant("demo-partner",
                "refresh_token", "demo-refresh-token", "userdesk-demo", "demo-secret", "https://graph.windows.net")).error());
        assertEquals("unsupported_grant_type", assertThrows(TokenIssuer.GrantRefused.class, () -> issuer.grant("demo-partner",
                "password", "demo-refresh-token", "userdesk-demo", "demo-secret", TokenIssuer.PARTNER_CENTER_RESOURCE)).error());
    }
}
