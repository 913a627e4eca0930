package io.userdesk.emulator.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.json.PartnerCenterJson;
import jakarta.json.bind.Jsonb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request log keeps what tests need to see and never a secret. */
class RequestLogTest {
    private static final Instant T = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void passwordsAndTokenAreMaskedBeforeAnythingIsKept() throws Exception {
        RequestLog log = new RequestLog();
        String javaSdkBody = "{\"passwordProfile\":{\"ForceChangePassword\":true,\"Password\":\"Renew456*\"},"
                + "\"attributes\":{\"objectType\":\"CustomerUser\"}}";

        RecordedRequest entry = log.record(T, "PATCH", "/v1/customers/c/users/u", null, "req-1", "corr-1",
                "Bearer demo-access-token", javaSdkBody, 200);

        assertEquals("Bearer ***", entry.authorization());
        assertEquals("{\"passwordProfile\":{\"ForceChangePassword\":true,\"Password\":\"***\"},"
                + "\"attributes\":{\"objectType\":\"CustomerUser\"}}", entry.body());
        try (Jsonb jsonb = PartnerCenterJson.create()) {
            String served = jsonb.toJson(log.since(0));
            assertFalse(served.contains("Renew456*"));
            assertFalse(served.contains("demo-access-token"));
            assertTrue(served.contains("\"requestId\":\"req-1\""), served);
            assertTrue(served.contains("\"correlationId\":\"corr-1\""), served);
            assertTrue(served.contains("\"seq\":1"), served);
            assertFalse(served.contains("\"query\""), "absent values are left out: " + served);
        }
    }

    @Test
    void passwordsAreMaskedInAnyCasingAndEvenInBrokenJson() {
        assertEquals("{\"passwordProfile\":{\"password\":\"***\",\"forceChangePassword\":false}}",
                SecretMasking.maskPasswords("{\"passwordProfile\":{\"password\":\"abCD123*\",\"forceChangePassword\":false}}"));
        assertEquals("{\"PasswordProfile\":{\"Password\":null}}",
                SecretMasking.maskPasswords("{\"PasswordProfile\":{\"Password\":null}}"), "nothing to hide in a null");
        String broken = SecretMasking.maskPasswords("{\"PasswordProfile\":{\"Password\":\"abCD123*\", ");
        assertFalse(broken.contains("abCD123*"), broken);
        assertTrue(broken.contains("\"Password\":\"***\""), broken);
        assertNull(SecretMasking.maskPasswords(null));
        assertNull(SecretMasking.maskAuthorization(null));
        assertEquals("Basic ***", SecretMasking.maskAuthorization("Basic dXNlcjpwYXNz"));
        assertEquals("***", SecretMasking.maskAuthorization("demo-access-token"));
    }

    @Test
    void sinceReturnsOnlyNewerEntriesAndClearKeepsCounting() {
        RequestLog log = new RequestLog();
        log.record(T, "GET", "/v1/customers", "size=1", null, null, null, null, 200);
        log.record(T, "GET", "/v1/customers", "size=2", null, null, null, null, 200);
        assertEquals(List.of("size=2"), log.since(1).stream().map(RecordedRequest::query).toList());
        log.clear();
        assertEquals(List.of(), log.since(0));
        assertEquals(3, log.record(T, "GET", "/v1/customers", null, null, null, null, null, 401).seq());
    }
}
