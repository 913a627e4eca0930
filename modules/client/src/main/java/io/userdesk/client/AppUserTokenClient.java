package io.userdesk.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The App+User flow every customer-user call needs (reference §4.1): a refresh-token grant
 * ({@code grant_type=refresh_token}, {@code refresh_token}, {@code client_id}, {@code client_secret},
 * {@code resource=https://api.partnercenter.microsoft.com}) against {@code {authority}/{tenant}/oauth2/token}, by
 * default the Microsoft identity platform. The token is cached and renewed before it expires, with the Java SDK's
 * buffer of 120 s, and once more whenever Partner Center refuses it with 401. Thread-safe; secrets never leave this
 * class except in the form body sent to the authority.
 */
public class AppUserTokenClient implements PartnerCenterTokenProvider {
    public static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
    public static final String PARTNER_CENTER_RESOURCE = "https://api.partnercenter.microsoft.com";
    public static final Duration DEFAULT_EXPIRY_BUFFER = Duration.ofSeconds(120);

    /** What the flow needs; {@code authority} is the identity platform's root, without the tenant. */
    public record Settings(String authority, String tenant, String clientId, String clientSecret, String refreshToken,
                           String resource, Duration expiryBuffer, Duration timeout) {
        @Override
        public String toString() {
            return "AppUserTokenClient.Settings[authority=" + authority + ", tenant=" + tenant + ", clientId=" + clientId + "]";
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private String cachedToken;
    private Instant cachedExpiry = Instant.MIN;
    private int grants;

    public AppUserTokenClient(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** The token endpoint: {@code {authority}/{tenant}/oauth2/token}, with exactly one slash at the joint. */
    public URI tokenEndpoint() {
        String authority = settings.authority().endsWith("/")
                ? settings.authority().substring(0, settings.authority().length() - 1) : settings.authority();
        return URI.create(authority + "/" + settings.tenant() + "/oauth2/token");
    }

    @Override
    public synchronized String accessToken() {
        if (cachedToken == null || !clock.instant().isBefore(cachedExpiry.minus(settings.expiryBuffer()))) {
            fetch();
        }
        return cachedToken;
    }

    @Override
    public synchronized boolean renew(String rejectedToken) {
        if (rejectedToken == null || rejectedToken.equals(cachedToken)) {
            cachedToken = null;
        }
        return true;
    }

    /** How many grants were made since start; for tests and the documentation's figures. */
    public synchronized int grants() {
        return grants;
    }

    private void fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", settings.refreshToken());
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("resource", settings.resource());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint()).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.NOT_AUTHENTICATED,
                    "The sign-in service for Partner Center (" + tokenEndpoint().getHost() + ") cannot be reached.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.NOT_AUTHENTICATED,
                    "Interrupted while signing in to Partner Center.", e);
        }
        JsonObject json = parse(response.body());
        if (response.statusCode() != 200 || json == null || !json.containsKey("access_token")) {
            String error = json == null ? "HTTP " + response.statusCode()
                    : json.getString("error", "HTTP " + response.statusCode());
            throw new PartnerCenterUnavailableException(PartnerCenterUnavailableException.Reason.NOT_AUTHENTICATED,
                    "The sign-in service refused UserDesk's Partner Center credentials (" + error
                            + "). Ask an administrator to renew the refresh token or the app secret.", null);
        }
        Instant now = clock.instant();
        cachedToken = json.getString("access_token");
        cachedExpiry = expiry(json, now);
        grants++;
    }

    /** {@code expires_on} (epoch seconds) if given, else now + {@code expires_in}; both may be strings or numbers. */
    static Instant expiry(JsonObject json, Instant now) {
        Long expiresOn = number(json.get("expires_on"));
        if (expiresOn != null) {
            return Instant.ofEpochSecond(expiresOn);
        }
        Long expiresIn = number(json.get("expires_in"));
        return now.plusSeconds(expiresIn == null ? 0 : expiresIn);
    }

    private static Long number(JsonValue value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (value.getValueType()) {
                case NUMBER -> ((jakarta.json.JsonNumber) value).longValue();
                case STRING -> Long.parseLong(((JsonString) value).getString().trim());
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonObject parse(String body) {
        if (body == null || !body.trim().startsWith("{")) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
