package io.userdesk.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny HTTP client for black-box tests: the portal API, the emulator, and JSON answers. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** An HTTP answer with its body parsed on demand. */
    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public static Answer send(String method, String path, String bearer, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PortalDeployment.baseUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, */*;q=0.1")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer get(String path, String bearer) {
        return send("GET", path, bearer, null, null);
    }

    public static Answer patch(String path, String bearer, String json) {
        return send("PATCH", path, bearer, "application/json", json);
    }

    /** A portal API token for a demo account. */
    public static String token(String username, String password) {
        Answer answer = send("POST", "/api/token", null, "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().getString("access_token");
    }

    /** The emulator's log of the Partner Center requests it received since {@code sinceSeq}. */
    public static JsonArray emulatorRequests(long sinceSeq) {
        return get("/partner-center/_emulator/requests?since=" + sinceSeq, null).jsonArray();
    }

    public static long lastEmulatorRequestSeq() {
        JsonArray all = emulatorRequests(0);
        return all.isEmpty() ? 0 : all.getJsonObject(all.size() - 1).getJsonNumber("seq").longValue();
    }

    static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
