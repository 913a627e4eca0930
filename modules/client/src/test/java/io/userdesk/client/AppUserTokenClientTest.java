package io.userdesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The App+User refresh-token flow against a local stand-in for the identity platform (reference §4.1). */
class AppUserTokenClientTest {
    private HttpServer server;
    private final List<String> forms = new ArrayList<>();
    private volatile int status = 200;
    private volatile long expiresIn = 3600;
    private int issued;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/partner-tenant/oauth2/token", exchange -> {
            forms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            issued++;
            String body = status == 200
                    ? "{\"token_type\":\"Bearer\",\"expires_in\":\"" + expiresIn + "\",\"resource\":\"https://api.partnercenter.microsoft.com\",\"access_token\":\"token-" + issued + "\"}"
                    : "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: refresh token expired\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AppUserTokenClient client(ResiliencePartsTest.ManualClock clock) {
        String authority = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        return new AppUserTokenClient(new AppUserTokenClient.Settings(authority, "partner-tenant", "app-id", "app s3cret",
                "refresh/token", AppUserTokenClient.PARTNER_CENTER_RESOURCE, Duration.ofSeconds(120), Duration.ofSeconds(5)),
                clock);
    }

    @Test
    void sendsTheDocumentedRefreshTokenGrantToTenantSlashOauth2Token() {
        AppUserTokenClient client = client(new ResiliencePartsTest.ManualClock());
        assertTrue(client.tokenEndpoint().toString().endsWith(":" + server.getAddress().getPort() + "/partner-tenant/oauth2/token"),
                "one slash between authority and tenant: " + client.tokenEndpoint());
        assertEquals("token-1", client.accessToken());
        assertEquals("grant_type=refresh_token&refresh_token=refresh%2Ftoken&client_id=app-id&client_secret=app+s3cret"
                + "&resource=https%3A%2F%2Fapi.partnercenter.microsoft.com", forms.get(0));
    }

    @Test
    void theTokenIsCachedAndRenewed120SecondsBeforeItExpires() {
        ResiliencePartsTest.ManualClock clock = new ResiliencePartsTest.ManualClock();
        AppUserTokenClient client = client(clock);
        assertEquals("token-1", client.accessToken());
        clock.advance(Duration.ofSeconds(3600 - 121));
        assertEquals("token-1", client.accessToken(), "still outside the buffer");
        clock.advance(Duration.ofSeconds(2));
        assertEquals("token-2", client.accessToken(), "within 120 s of expiry: renewed");
        assertEquals(2, client.grants());
    }

    @Test
    void aRefusedTokenIsReplacedOnRenew() {
        AppUserTokenClient client = client(new ResiliencePartsTest.ManualClock());
        assertEquals("token-1", client.accessToken());
        assertTrue(client.renew("token-1"));
        assertEquals("token-2", client.accessToken());
        assertTrue(client.renew("some-older-token"));
        assertEquals("token-2", client.accessToken(), "renewing a token already replaced fetches nothing");
    }

    @Test
    void aRefusedGrantSaysWhatToDoWithoutTheSecret() {
        status = 400;
        PartnerCenterUnavailableException e = assertThrows(PartnerCenterUnavailableException.class,
                () -> client(new ResiliencePartsTest.ManualClock()).accessToken());
        assertEquals(PartnerCenterUnavailableException.Reason.NOT_AUTHENTICATED, e.reason());
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
        assertFalse(e.getMessage().contains("refresh/token"));
    }
}
