package io.userdesk.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import io.userdesk.web.config.PortalSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One authentication mechanism for the two ways in, because Jakarta Security 3 allows only one per application:
 * <ul>
 * <li>{@code /api/*} is authenticated only by a bearer token, checked by Payara's MicroProfile JWT mechanism, to which
 * this class delegates. The session cookie is never looked at there, so a browser session cannot call the API
 * (no CSRF through the API).</li>
 * <li>Pages are authenticated only by the session established at sign-in; an {@code Authorization} header is ignored
 * there, so a leaked API token cannot open the UI.</li>
 * </ul>
 * A session is established in one of two ways, each switched on or off in {@link SignInOptions}: the sign-in form
 * (built-in accounts), or single sign-on through OpenID Connect, whose single page this class hands to
 * {@link OidcSignIn}. Either way the session id is renewed at sign-in against session fixation, and the session records
 * the method, so switching a method off ends its sessions.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String SESSION_ATTRIBUTE = "userdesk.signedInStaff";
    /** Present while a signed-in staff member must set a new password before anything else. */
    public static final String MUST_CHANGE_PASSWORD_ATTRIBUTE = "userdesk.mustChangePassword";
    public static final String CHANGE_PASSWORD_PAGE = "/account/password.xhtml";
    private static final String SIGN_IN_PAGE = "/signin.xhtml";
    private static final String INVALID_TOKEN =
            "The bearer token is not valid (expired, wrongly signed, not for this API, or its account is disabled).";

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    BeanManager beanManager;

    @Inject
    ApiTokenGuard tokenGuard;

    @Inject
    PortalSettings settings;

    @Inject
    SignInOptions signInOptions;

    @Inject
    OidcSignIn oidcSignIn;

    private volatile HttpAuthenticationMechanism jwtMechanism;

    /**
     * The API endpoints anyone may call (the token endpoint, the audit public key), as {@link PermissionMatrix} says:
     * Payara still reports them as protected under the {@code /api/*} constraint, so they are let through by name.
     */
    private static final Set<String> OPEN_API_PATHS = PermissionMatrix.ENTRIES.stream()
            .filter(entry -> entry.kind() == PermissionMatrix.Kind.API && entry.open())
            .map(PermissionMatrix.Entry::path)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        SecurityHeaders.apply(request, response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return validateApiRequest(request, response, context, path);
        }
        if (SignInOptions.OIDC_PAGE.equals(path) && signInOptions.isOidcEnabled()) {
            return oidcSignIn.handle(request, response, context);
        }
        return validatePageRequest(request, context);
    }

    private AuthenticationStatus validateApiRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context, String path) throws AuthenticationException {
        if (!context.isProtected() || OPEN_API_PATHS.contains(path)) {
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized(response, "A bearer token is required: get one from POST /api/token.");
        }
        String token = authorization.substring(7).trim();
        if (tokenGuard.rejectHeader(token).isPresent()) {
            return unauthorized(response, INVALID_TOKEN);
        }
        // Payara's mechanism answers a bad token with sendError(401), i.e. an HTML page; keep it from committing
        // the response so the caller gets problem JSON like every other API error.
        DeferredErrorResponse deferred = new DeferredErrorResponse(response);
        context.setResponse(deferred);
        AuthenticationStatus status;
        try {
            // an external issuer's groups are the provider's names: map them to portal roles as for single sign-on
            HttpMessageContext jwtContext = settings.ownApiTokenKey() ? context
                    : new MappedGroupsContext(context, signInOptions.roleMapping());
            status = jwtMechanism().validateRequest(request, deferred, jwtContext);
        } catch (RuntimeException e) {
            status = AuthenticationStatus.SEND_FAILURE;
        } finally {
            context.setResponse(response);
        }
        if (status != AuthenticationStatus.SUCCESS || tokenGuard.rejectClaims(token).isPresent()) {
            return unauthorized(response, INVALID_TOKEN);
        }
        return status;
    }

    private AuthenticationStatus validatePageRequest(HttpServletRequest request, HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            return signIn(request, context, context.getAuthParameters().getCredential());
        }
        HttpSession session = request.getSession(false);
        SignedInStaff staff = session == null ? null : (SignedInStaff) session.getAttribute(SESSION_ATTRIBUTE);
        if (staff != null && sessionStillValid(staff)) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (session.getAttribute(MUST_CHANGE_PASSWORD_ATTRIBUTE) != null && context.isProtected()
                    && !path.equals(CHANGE_PASSWORD_PAGE)) {
                return context.redirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
            }
            return context.notifyContainerAboutLogin(staff.username(), new java.util.HashSet<>(staff.roles()));
        }
        if (staff != null) {
            session.invalidate();
        }
        if (context.isProtected()) {
            String target = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + "?next="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /**
     * Absolute session lifetime, the sign-in method must still be on, and the account must still be enabled (disabling
     * an account ends its sessions). A single sign-on user needs no built-in account, but a disabled one of the same
     * username shuts them out too.
     */
    private boolean sessionStillValid(SignedInStaff staff) {
        if (!withinAbsoluteLifetime(staff.signedInAt(), Instant.now(), settings.sessionAbsoluteTimeout())) {
            return false;
        }
        if (SignedInStaff.OIDC.equals(staff.method())) {
            return signInOptions.isOidcEnabled()
                    && accounts.find(staff.username()).map(StaffAccount::enabled).orElse(true);
        }
        return signInOptions.isBuiltInEnabled() && accounts.find(staff.username()).map(StaffAccount::enabled).orElse(false);
    }

    /** Where to go after sign-in: only a path inside this portal, never another site (no open redirect). */
    public static String safeLocalPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/signin")) {
            return "/";
        }
        return next;
    }

    /** The absolute session lifetime (ASVS 7.3.2): counted from sign-in, however active the session is. */
    static boolean withinAbsoluteLifetime(Instant signedInAt, Instant now, Duration lifetime) {
        return signedInAt != null && !now.isAfter(signedInAt.plus(lifetime));
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStoreHandler.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        String username = result.getCallerPrincipal().getName();
        java.util.Optional<StaffAccount> account = accounts.find(username);
        String displayName = account.map(StaffAccount::displayName).orElse(username);
        List<String> roles = new ArrayList<>(result.getCallerGroups());
        roles.sort(null);
        HttpSession session = startSession(request,
                new SignedInStaff(username, displayName, List.copyOf(roles), Instant.now(), SignedInStaff.PASSWORD),
                settings.sessionIdleTimeout());
        if (account.map(StaffAccount::mustChangePassword).orElse(false)) {
            session.setAttribute(MUST_CHANGE_PASSWORD_ATTRIBUTE, Boolean.TRUE);
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The one way a browser session gets its staff member: with a new session id (no session fixation) and the
     * configured idle timeout (ASVS 7.3.1), which the container enforces.
     */
    static HttpSession startSession(HttpServletRequest request, SignedInStaff staff, Duration idleTimeout) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        } else {
            session = request.getSession(true);
        }
        session.setMaxInactiveInterval((int) Math.max(1, idleTimeout.toSeconds()));
        session.removeAttribute(MUST_CHANGE_PASSWORD_ATTRIBUTE);
        session.setAttribute(SESSION_ATTRIBUTE, staff);
        return session;
    }

    private HttpAuthenticationMechanism jwtMechanism() throws AuthenticationException {
        if (jwtMechanism == null) {
            // Payara registers its mechanism as a synthetic bean whose types include JWTAuthenticationMechanism. The bean
            // manager is asked directly: resolving through Instance would eliminate it in favour of this alternative.
            for (Bean<?> bean : beanManager.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
                boolean isJwt = bean.getTypes().stream()
                        .anyMatch(type -> type.getTypeName().endsWith(".JWTAuthenticationMechanism"));
                if (isJwt) {
                    jwtMechanism = (HttpAuthenticationMechanism) beanManager.getReference(bean,
                            HttpAuthenticationMechanism.class, beanManager.createCreationalContext(bean));
                    break;
                }
            }
            if (jwtMechanism == null) {
                throw new AuthenticationException("The MicroProfile JWT mechanism is not installed");
            }
        }
        return jwtMechanism;
    }

    /**
     * Hands the container the portal roles an external issuer's token groups map to, instead of the provider's group
     * names; the caller principal (the token) is kept.
     */
    static final class MappedGroupsContext extends HttpMessageContextWrapper {
        private final GroupRoleMapping mapping;

        MappedGroupsContext(HttpMessageContext wrapped, GroupRoleMapping mapping) {
            super(wrapped);
            this.mapping = mapping;
        }

        @Override
        public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return super.notifyContainerAboutLogin(result);
            }
            return super.notifyContainerAboutLogin(new CredentialValidationResult(result.getIdentityStoreId(),
                    result.getCallerPrincipal(), result.getCallerDn(), result.getCallerUniqueId(),
                    mapping.rolesFor(result.getCallerGroups())));
        }
    }

    /** Records an error status instead of letting the container render its HTML error page. */
    static final class DeferredErrorResponse extends jakarta.servlet.http.HttpServletResponseWrapper {
        DeferredErrorResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            // deferred: the caller writes problem JSON
        }

        @Override
        public void sendError(int status, String message) {
            // deferred: the caller writes problem JSON
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"userdesk\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                    + detail.replace("\"", "'") + "\"}");
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; the status is all that matters
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
