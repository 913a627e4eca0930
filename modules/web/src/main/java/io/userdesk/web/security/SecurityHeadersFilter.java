package io.userdesk.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Puts {@link SecurityHeaders} on every response and refuses cross-origin form posts to pages.
 *
 * <p>Why an origin check on top of the Faces ViewState: the ViewState already stops a forged post that does not know
 * it, but browsers tell us the origin for free ({@code Origin}, {@code Sec-Fetch-Site}), and refusing a foreign origin
 * outright also covers requests that never reach a Faces view. The API is exempt: it takes only bearer tokens, which a
 * browser never attaches on its own.
 *
 * <p>Why the response wrapper: PrimeFaces adds its own Content-Security-Policy (the same policy plus the page's nonce)
 * with {@code addHeader}; two policies would both be enforced and the one without the nonce would block PrimeFaces'
 * scripts, so PrimeFaces' header replaces the default one instead.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isStateChanging(request.getMethod()) && !path.startsWith("/api/") && isCrossOrigin(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("This form was sent from another site and was refused.");
            return;
        }
        chain.doFilter(request, new SinglePolicyResponse(response));
    }

    private static boolean isStateChanging(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }

    /** True when the browser says the request comes from another site: Sec-Fetch-Site, else Origin, else Referer. */
    static boolean isCrossOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            // the browser's own verdict; Origin may be "null" for a same-origin post under some referrer policies
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            origin = request.getHeader("Referer");
        }
        if (origin == null) {
            return false;
        }
        if ("null".equals(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originAuthority = uri.getRawAuthority();
            return host == null || originAuthority == null
                    || !originAuthority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Turns PrimeFaces' addHeader of a CSP into a replacement of the default one. */
    static final class SinglePolicyResponse extends HttpServletResponseWrapper {
        SinglePolicyResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Content-Security-Policy".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
