package io.userdesk.emulator.http;

import io.userdesk.api.rest.PartnerCenterHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Adds the headers Partner Center puts on every response, errors included (reference §1.1): the caller's
 * {@code MS-RequestId} and {@code MS-CorrelationId} echoed back, which clients use to tie a response to their audit
 * record, an {@code MS-CV} correlation vector and an {@code MS-ServerId}; and it spells JSON responses'
 * content type as {@code application/json; charset=utf-8}, as the service does.
 */
@Provider
public class PartnerCenterResponseHeadersFilter implements ContainerResponseFilter {
    static final String CORRELATION_VECTOR = "MS-CV";
    static final String SERVER_ID = "MS-ServerId";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** One id per running emulator, nine digits like the real service's. */
    private static final String THIS_SERVER_ID = String.valueOf(100_000_000 + RANDOM.nextInt(900_000_000));

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        echo(request, response, PartnerCenterHeaders.REQUEST_ID);
        echo(request, response, PartnerCenterHeaders.CORRELATION_ID);
        response.getHeaders().putSingle(CORRELATION_VECTOR, newCorrelationVector());
        response.getHeaders().putSingle(SERVER_ID, THIS_SERVER_ID);
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            // Set as text: a MediaType would be written without the space the service's header has.
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, FaultResponses.JSON_UTF8);
        }
    }

    private static void echo(ContainerRequestContext request, ContainerResponseContext response, String header) {
        String value = request.getHeaderString(header);
        if (value != null) {
            response.getHeaders().putSingle(header, value);
        }
    }

    /** A fresh correlation vector in the service's shape: 16 random bytes in base64, then ".0". */
    static String newCorrelationVector() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes) + ".0";
    }
}
