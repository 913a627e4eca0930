package io.userdesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two session timeouts: idle (set on the session at sign-in, enforced by the container; web.xml's default for
 * sessions nobody signed in to) and absolute (enforced by the mechanism). PortalApiIT watches both end real sessions.
 */
class SessionTimeoutTest {

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeEvenWhileInUse() {
        Instant signedIn = Instant.parse("2026-11-26T08:00:00Z");
        Duration eightHours = Duration.ofMinutes(480);
        assertTrue(PortalAuthenticationMechanism.withinAbsoluteLifetime(signedIn, signedIn.plusSeconds(8 * 3600), eightHours));
        assertFalse(PortalAuthenticationMechanism.withinAbsoluteLifetime(signedIn, signedIn.plusSeconds(8 * 3600 + 1),
                eightHours));
        assertFalse(PortalAuthenticationMechanism.withinAbsoluteLifetime(null, signedIn, eightHours),
                "no sign-in time: no session");
    }

    @Test
    void theIdleTimeoutIsThirtyMinutes() throws Exception {
        String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
        Matcher timeout = Pattern.compile("<session-timeout>(\\d+)</session-timeout>").matcher(webXml);
        assertTrue(timeout.find());
        assertEquals(30, Integer.parseInt(timeout.group(1)));
    }
}
