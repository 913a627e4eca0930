package io.userdesk.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * Writes {@code AUTHORIZATION_DENIED} to the audit trail whenever a signed-in caller is refused (403): a page refused by
 * web.xml reaches this filter as the error dispatch to the 403 page; an API call refused by {@code @RolesAllowed}
 * comes back from the chain with status 403. Repeated denials are how a compromised or curious account shows itself.
 */
@WebFilter(filterName = "authorizationDeniedRecorder", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class AuthorizationDeniedRecorder extends HttpFilter {

    @Inject
    SecurityAudit audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            if (Integer.valueOf(403).equals(status)) {
                Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                record(request, uri == null ? request.getRequestURI() : uri.toString(), 403);
            }
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") && response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            record(request, request.getRequestURI(), 403);
        }
    }

    private void record(HttpServletRequest request, String path, int status) {
        Principal caller = request.getUserPrincipal();
        audit.authorizationDenied(caller == null ? null : caller.getName(),
                Roles.ALL.stream().filter(request::isUserInRole).toList(), request.getMethod(), path, status);
    }
}
