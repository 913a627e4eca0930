package io.userdesk.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.json.PartnerCenterJson;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.emulator.state.PartnerCenterFault;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.NoContentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication and error translation as a client sees them: always an ApiFault, never a server page. */
class HttpErrorHandlingTest {

    @Test
    void missingOrNonBearerAuthorizationIsTokenMissing() {
        for (String header : new String[] {null, "", "Basic abc", "demo-access-token"}) {
            PartnerCenterFault fault = AccessTokenFilter.check(header, "demo-access-token").orElseThrow();
            assertEquals(401, fault.httpStatus());
            assertEquals(800001, fault.apiFault().getCode());
            assertEquals("Partner Token missing in request context", fault.apiFault().getDescription());
        }
    }

    @Test
    void wrongTokenIsAccessDeniedAndTheRightOneInAnySchemeCasingPasses() {
        PartnerCenterFault fault = AccessTokenFilter.check("Bearer stale-token", "demo-access-token").orElseThrow();
        assertEquals(401, fault.httpStatus());
        assertEquals(400, fault.apiFault().getCode());
        assertEquals("Access denied", fault.apiFault().getDescription());
        assertTrue(AccessTokenFilter.check("Bearer demo-access-token", "demo-access-token").isEmpty());
        assertTrue(AccessTokenFilter.check("bearer demo-access-token", "demo-access-token").isEmpty());
    }

    @Test
    void malformedJsonBodyIsInvalidRequestInput() throws Exception {
        JsonbException readFailure;
        try (Jsonb jsonb = PartnerCenterJson.create()) {
            readFailure = assertThrows(JsonbException.class, () -> jsonb.fromJson("{\"displayName\": ", CustomerUser.class));
        }
        // Jersey's JSON-B reader wraps the failure in a ProcessingException
        PartnerCenterFault fault = UnexpectedExceptionMapper.toFault(new RuntimeException("Error deserializing object", readFailure));
        assertEquals(400, fault.httpStatus());
        assertEquals(800002, fault.apiFault().getCode());
        assertEquals(400, WebApplicationExceptionMapper.toFault(400, "Bad Request", readFailure).httpStatus());
    }

    @Test
    void unexpectedExceptionsBecome800003WithoutDetails() {
        PartnerCenterFault fault = UnexpectedExceptionMapper.toFault(new IllegalStateException("secret internals"));
        assertEquals(500, fault.httpStatus());
        assertEquals(800003, fault.apiFault().getCode());
        assertEquals("Unexpected service error", fault.apiFault().getDescription());
        assertFalse(fault.apiFault().toString().contains("secret internals"));
        assertEquals(List.of(), fault.apiFault().getData());
    }

    @Test
    void frameworkErrorsBecomeApiFaults() {
        assertEquals(1000, WebApplicationExceptionMapper.toFault(404, "Not Found", null).apiFault().getCode());
        PartnerCenterFault badSize = WebApplicationExceptionMapper.toFault(404, "Not Found",
                new RuntimeException("query param size",
                        new RuntimeException("extractor", new NumberFormatException("For input string: \"abc\""))));
        assertEquals(400, badSize.httpStatus());
        assertEquals(800002, badSize.apiFault().getCode());
        PartnerCenterFault wrongMethod = WebApplicationExceptionMapper.toFault(405, "Method Not Allowed", null);
        assertEquals(405, wrongMethod.httpStatus());
        assertEquals(List.of("Method Not Allowed"), wrongMethod.apiFault().getData());
        PartnerCenterFault emptyBody = WebApplicationExceptionMapper.toFault(400, "Bad Request",
                new RuntimeException(new NoContentException("empty")));
        assertEquals(400, emptyBody.httpStatus());
        assertEquals("body: a JSON body is required.", emptyBody.apiFault().getData().get(0));
        assertEquals(800003, WebApplicationExceptionMapper.toFault(503, "Service Unavailable", null).apiFault().getCode());
    }
}
