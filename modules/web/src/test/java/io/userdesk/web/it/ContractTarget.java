package io.userdesk.web.it;

import io.userdesk.client.AppUserTokenClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The Partner Center a contract test talks to: the emulator deployed beside the portal, or the real service when
 * {@code PARTNER_CENTER_TENANT}, {@code PARTNER_CENTER_CLIENT_ID}, {@code PARTNER_CENTER_CLIENT_SECRET},
 * {@code PARTNER_CENTER_REFRESH_TOKEN} and {@code PARTNER_CENTER_CUSTOMER_ID} are set (README). Against the real
 * service nothing is changed unless {@code PARTNER_CENTER_ALLOW_WRITES=true}, and then only on
 * {@code PARTNER_CENTER_WRITE_CUSTOMER_ID} (default: the customer above).
 */
final class ContractTarget {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final boolean emulator;
    final String apiRoot;
    final String authority;
    final String tenant;
    final String clientId;
    final String clientSecret;
    final String refreshToken;
    /** A customer to read (emulator: Contoso, 2,400 users, some deleted). */
    final String readCustomerId;
    /** A customer whose users the write cases may change (emulator: Fabrikam). */
    final String writeCustomerId;
    final boolean allowWrites;
    private final AppUserTokenClient tokens;

    private ContractTarget(boolean emulator, String apiRoot, String authority, String tenant, String clientId,
                           String clientSecret, String refreshToken, String readCustomerId, String writeCustomerId,
                           boolean allowWrites) {
        this.emulator = emulator;
        this.apiRoot = apiRoot.endsWith("/") ? apiRoot.substring(0, apiRoot.length() - 1) : apiRoot;
        this.authority = authority;
        this.tenant = tenant;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.readCustomerId = readCustomerId;
        this.writeCustomerId = writeCustomerId;
        this.allowWrites = allowWrites;
        this.tokens = new AppUserTokenClient(new AppUserTokenClient.Settings(authority, tenant, clientId, clientSecret,
                refreshToken, AppUserTokenClient.PARTNER_CENTER_RESOURCE, AppUserTokenClient.DEFAULT_EXPIRY_BUFFER,
                Duration.ofSeconds(30)), Clock.systemUTC());
    }

    static ContractTarget emulator() {
        String root = PortalDeployment.baseUrl() + "/partner-center";
        return new ContractTarget(true, root, root, "demo-partner", "userdesk-demo", "demo-secret", "demo-refresh-token",
                PortalDeployment.CONTOSO, "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0002", true);
    }

    /** The real service from the environment, or null when its credentials are not all set. */
    static ContractTarget realFromEnvironment() {
        Map<String, String> env = System.getenv();
        String[] required = {"PARTNER_CENTER_TENANT", "PARTNER_CENTER_CLIENT_ID", "PARTNER_CENTER_CLIENT_SECRET",
                "PARTNER_CENTER_REFRESH_TOKEN", "PARTNER_CENTER_CUSTOMER_ID"};
        for (String key : required) {
            if (env.getOrDefault(key, "").isBlank()) {
                return null;
            }
        }
        String customer = env.get("PARTNER_CENTER_CUSTOMER_ID");
        return new ContractTarget(false,
                env.getOrDefault("PARTNER_CENTER_API_URL", "https://api.partnercenter.microsoft.com"),
                env.getOrDefault("PARTNER_CENTER_AUTHORITY", AppUserTokenClient.DEFAULT_AUTHORITY),
                env.get("PARTNER_CENTER_TENANT"), env.get("PARTNER_CENTER_CLIENT_ID"),
                env.get("PARTNER_CENTER_CLIENT_SECRET"), env.get("PARTNER_CENTER_REFRESH_TOKEN"), customer,
                env.getOrDefault("PARTNER_CENTER_WRITE_CUSTOMER_ID", customer),
                "true".equalsIgnoreCase(env.get("PARTNER_CENTER_ALLOW_WRITES")));
    }

    String accessToken() {
        return tokens.accessToken();
    }

    /** The token endpoint the SDKs use: {@code {authority}/{tenant}/oauth2/token}. */
    URI tokenEndpoint() {
        return tokens.tokenEndpoint();
    }

    /** An HTTP answer; {@code json()} parses the body. */
    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray items() {
            return json().getJsonArray("items");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A call to {@code apiRoot + path} with the App+User bearer token and the given extra headers (name, value, …). */
    Answer call(String method, String path, String jsonBody, String... headers) {
        return callWithToken(accessToken(), method, path, jsonBody, headers);
    }

    Answer callWithToken(String token, String method, String path, String jsonBody, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiRoot + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** A raw form POST to the token endpoint. */
    Answer tokenRequest(String form) {
        return send(HttpRequest.newBuilder(tokenEndpoint()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
