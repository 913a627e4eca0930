package io.userdesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The two session timeouts: idle (web.xml, enforced by the container) and absolute (enforced by the mechanism). */
class SessionTimeoutTest {

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeEvenWhileInUse() {
        Instant signedIn = Instant.parse("2026-11-26T08:00:00Z");
        assertTrue(PortalAuthenticationMechanism.withinAbsoluteLifetime(signedIn, signedIn.plusSeconds(8 * 3600), 480));
        assertFalse(PortalAuthenticationMechanism.withinAbsoluteLifetime(signedIn, signedIn.plusSeconds(8 * 3600 + 1), 480));
        assertFalse(PortalAuthenticationMechanism.withinAbsoluteLifetime(null, signedIn, 480), "no sign-in time: no session");
    }

    @Test
    void theIdleTimeoutIsThirtyMinutes() throws Exception {
        String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
        Matcher timeout = Pattern.compile("<session-timeout>(\\d+)</session-timeout>").matcher(webXml);
        assertTrue(timeout.find());
        assertEquals(30, Integer.parseInt(timeout.group(1)));
    }
}
