package io.userdesk.api.rest;

/** Header names of the Partner Center REST API (reference §1.1). */
public final class PartnerCenterHeaders {
    public static final String REQUEST_ID = "MS-RequestId";
    public static final String CORRELATION_ID = "MS-CorrelationId";
    public static final String CONTINUATION_TOKEN = "MS-ContinuationToken";
    public static final String CONTRACT_VERSION = "MS-Contract-Version";
    public static final String RETRY_AFTER = "Retry-After";

    private PartnerCenterHeaders() {
    }
}
