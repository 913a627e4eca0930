package io.userdesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PartnerCenterErrorMapperTest {

    @Test
    void retryAfterIsReadAsSecondsAndIgnoredWhenNotANumber() {
        assertEquals(57L, PartnerCenterErrorMapper.parseRetryAfter("57"));
        assertEquals(2L, PartnerCenterErrorMapper.parseRetryAfter(" 2 "));
        assertNull(PartnerCenterErrorMapper.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(PartnerCenterErrorMapper.parseRetryAfter(null));
    }

    @Test
    void statusesMapToTheSdkCategories() {
        assertEquals(ErrorCategory.BAD_INPUT, ErrorCategory.ofStatus(400));
        assertEquals(ErrorCategory.NOT_FOUND, ErrorCategory.ofStatus(404));
        assertEquals(ErrorCategory.ALREADY_EXISTS, ErrorCategory.ofStatus(409));
        assertEquals(ErrorCategory.TOO_MANY_REQUESTS, ErrorCategory.ofStatus(429));
        assertEquals(ErrorCategory.SERVER_BUSY, ErrorCategory.ofStatus(503));
        assertEquals(ErrorCategory.SERVER_ERROR, ErrorCategory.ofStatus(502));
    }

    @Test
    void apiFaultBodiesAreReadInEitherCasingAndOtherBodiesAreNotFaults() {
        var fault = PartnerCenterErrorMapper.parseFault(
                "{\"Code\":60002,\"Description\":\"User object Id is not found\",\"Data\":[],\"Source\":\"PartnerFD\"}");
        assertEquals(60002, fault.getCode());
        assertEquals("User object Id is not found", fault.getDescription());
        assertNull(PartnerCenterErrorMapper.parseFault("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}"));
        assertNull(PartnerCenterErrorMapper.parseFault("<html>Bad gateway</html>"));
        assertNull(PartnerCenterErrorMapper.parseFault(""));
    }
}
