package io.userdesk.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser session at the HTTP level (cookies, no redirects followed, no JavaScript): for tests that must see exact
 * status codes and replay or forge form posts, which a real browser would not let them do.
 */
public final class WebSession {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public Http.Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(PortalDeployment.baseUrl() + path)).GET(), Map.of());
    }

    /** Posts a form; {@code headers} may add e.g. an {@code Origin}. */
    public Http.Answer post(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PortalDeployment.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers);
    }

    private Http.Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Http.Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the real sign-in form; returns the answer to the form post (302 on success). */
    public Http.Answer signIn(String username, String password) {
        Http.Answer page = get("/signin.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signinForm", "signinForm");
        form.put("signinForm:next", "");
        form.put("signinForm:username", username);
        form.put("signinForm:password", password);
        form.put("signinForm:signIn", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        form.put("primefaces.nonce", nonce(page.body()));
        return post("/signin.xhtml", form, Map.of());
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** PrimeFaces' CSP nonce of the page, which its script sends back with every postback (and PrimeFaces checks). */
    public static String nonce(String html) {
        Matcher m = NONCE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No CSP nonce in the page:\n" + html);
        }
        return m.group(1);
    }

    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No ViewState in the page:\n" + html);
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }
}
