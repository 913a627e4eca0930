package io.userdesk.emulator.http;

import io.userdesk.emulator.state.PartnerCenterFault;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import io.userdesk.emulator.oauth.TokenIssuer;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demands {@code Authorization: Bearer <token>} on every {@code /v1} call, as Partner Center does (reference §2.2),
 * so a client that forgets the header, or sends a stale token, fails here the way it would in production. Accepted
 * are the App+User tokens {@link TokenIssuer} gave out and that have not expired (reference §4.1), and, for simple
 * tools and tests, the fixed MP Config token {@code emulator.access-token} when it is set. An expired or unknown token
 * gets 401 with {@code WWW-Authenticate} (reference §1.1), which is what makes a client renew.
 * It runs before matching, so unknown {@code /v1} paths also need the token, as on the real service.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AccessTokenFilter implements ContainerRequestFilter {
    static final String BEARER = "Bearer";

    @Inject
    @ConfigProperty(name = "emulator.access-token", defaultValue = "")
    String expectedToken;

    @Inject
    TokenIssuer issuer;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ApiPaths.isPartnerCenterApi(request.getUriInfo().getPath())) {
            return;
        }
        check(request.getHeaderString(HttpHeaders.AUTHORIZATION), expectedToken, issuer)
                .ifPresent(fault -> request.abortWith(FaultResponses.of(fault)));
    }

    /** The fault for this Authorization header, or empty when its bearer token is the fixed one or a valid issued one. */
    static Optional<PartnerCenterFault> check(String authorization, String expectedToken, TokenIssuer issuer) {
        Optional<PartnerCenterFault> fixed = check(authorization, expectedToken == null ? "" : expectedToken);
        if (fixed.isEmpty() || fixed.get().apiFault().getCode() == TOKEN_MISSING_CODE) {
            return fixed;
        }
        String trimmed = authorization.trim();
        String token = trimmed.substring(trimmed.indexOf(' ') + 1).trim();
        return issuer.check(token) == TokenIssuer.Check.VALID ? Optional.empty() : fixed;
    }

    private static final int TOKEN_MISSING_CODE = 800001;

    /** The fault for this Authorization header, or empty when it carries the expected bearer token. */
    static Optional<PartnerCenterFault> check(String authorization, String expectedToken) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.of(PartnerCenterFault.tokenMissing());
        }
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase(BEARER)) {
            return Optional.of(PartnerCenterFault.tokenMissing());
        }
        String token = trimmed.substring(space + 1).trim();
        boolean matches = !expectedToken.isEmpty() && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                expectedToken.getBytes(StandardCharsets.UTF_8));
        return matches ? Optional.empty() : Optional.of(PartnerCenterFault.accessDenied());
    }
}
