package io.userdesk.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds {@code Authorization: Bearer …} and the identifying headers to every Partner Center call. It is registered as
 * an instance holding the gateway's token provider, so renewal stays in one place and the gateway can be built without
 * CDI in tests.
 */
public class BearerTokenFilter implements ClientRequestFilter {
    static final String APPLICATION_NAME = "UserDesk";

    private final PartnerCenterTokenProvider tokens;

    public BearerTokenFilter(PartnerCenterTokenProvider tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken());
        request.getHeaders().putSingle("MS-PartnerCenter-Application", APPLICATION_NAME);
    }
}
