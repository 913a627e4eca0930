package io.userdesk.web.rest;

import io.userdesk.api.validation.FieldViolation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * RFC 9457 problem details, the one error shape of the portal API: {@code type}, {@code title}, {@code status},
 * {@code detail}, plus {@code correlationId}, Partner Center's error code where there is one, and per-field
 * {@code errors} for validation. Never a stack trace.
 */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    private final JsonObjectBuilder json = Json.createObjectBuilder();
    private final int status;

    private Problem(int status, String title, String detail) {
        this.status = status;
        json.add("type", "about:blank").add("title", title).add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail);
    }

    public Problem with(String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
        return this;
    }

    public Problem with(String key, long value) {
        json.add(key, value);
        return this;
    }

    public Problem errors(List<FieldViolation> violations) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        for (FieldViolation v : violations) {
            errors.add(Json.createObjectBuilder().add("field", v.field()).add("code", v.code()).add("message", v.message()));
        }
        json.add("errors", errors);
        return this;
    }

    public Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(json.build().toString());
    }

    public Response build() {
        return response().build();
    }
}
