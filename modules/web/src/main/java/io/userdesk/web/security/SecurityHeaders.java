package io.userdesk.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The response headers every answer of the portal carries, in one place because they are set twice: by the
 * authentication mechanism (which answers redirects and 401s before any filter runs) and by {@link SecurityHeadersFilter}
 * for everything else.
 *
 * <p>The Content-Security-Policy allows scripts only from the portal itself; Faces pages get PrimeFaces' per-request
 * nonce appended to {@code script-src} (context parameters {@code primefaces.CSP} and {@code primefaces.CSP_POLICY} in
 * web.xml carry the same policy). Inline styles stay allowed because PrimeFaces positions its overlays with them; they
 * cannot run code.
 */
public final class SecurityHeaders {
    /** Must equal web.xml's {@code primefaces.CSP_POLICY}, which PrimeFaces completes with {@code 'nonce-…'}. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'";
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    private SecurityHeaders() {
    }

    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
