package io.userdesk.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A hypermedia link as Partner Center writes it: {@code {"uri","method","headers":[{"key","value"}]}}.
 * URIs are relative to the versioned root and usually start with a slash (see reference §1.4 on joining them).
 */
public class Link {
    private String uri;
    private String method;
    private List<KeyValuePair> headers = new ArrayList<>();

    public Link() {
    }

    public Link(String uri, String method, List<KeyValuePair> headers) {
        this.uri = uri;
        this.method = method;
        this.headers = headers == null ? new ArrayList<>() : new ArrayList<>(headers);
    }

    public static Link get(String uri) {
        return new Link(uri, "GET", List.of());
    }

    /** The value of the named header, compared case-insensitively as HTTP header names are. */
    public Optional<String> header(String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
                .map(KeyValuePair::getValue)
                .findFirst();
    }

    public String getUri() { return uri; }
    public void setUri(String uri) { this.uri = uri; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public List<KeyValuePair> getHeaders() { return headers; }
    public void setHeaders(List<KeyValuePair> headers) { this.headers = headers; }
}
