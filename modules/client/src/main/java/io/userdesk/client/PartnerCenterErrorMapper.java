package io.userdesk.client;

import io.userdesk.api.json.PartnerCenterJson;
import io.userdesk.api.model.ApiFault;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every Partner Center error response into a {@link PartnerCenterException}. The body is an ApiFault for most
 * errors but {@code {statusCode,message}} for 429 (reference §2.2), and may be empty or HTML from a proxy, so parsing
 * is best-effort and never hides the status.
 */
public class PartnerCenterErrorMapper implements ResponseExceptionMapper<PartnerCenterException> {
    /** Created on first use, so the class loads where no JSON-B provider is present. */
    private static final class Json {
        static final Jsonb JSONB = PartnerCenterJson.create();
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public PartnerCenterException toThrowable(Response response) {
        int status = response.getStatus();
        String body = readBody(response);
        ApiFault fault = parseFault(body);
        Long retryAfter = parseRetryAfter(response.getHeaderString("Retry-After"));
        String message = fault != null && fault.getDescription() != null
                ? fault.getDescription()
                : "Partner Center answered HTTP " + status + (response.getStatusInfo().getReasonPhrase() == null ? ""
                        : " " + response.getStatusInfo().getReasonPhrase());
        PartnerCenterException exception = new PartnerCenterException(status, fault, retryAfter, message);
        exception.withIds(response.getHeaderString("MS-RequestId"), response.getHeaderString("MS-CorrelationId"));
        return exception;
    }

    private static String readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ApiFault parseFault(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return null;
        }
        try {
            ApiFault fault = Json.JSONB.fromJson(body, ApiFault.class);
            return fault != null && fault.getDescription() != null ? fault : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Long parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
