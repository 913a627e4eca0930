package io.userdesk.web.security;

import io.userdesk.web.config.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Single sign-on through OpenID Connect, on the one page {@link SignInOptions#OIDC_PAGE}.
 *
 * <p>Why the standard mechanism is driven from here instead of being the application's mechanism: Jakarta Security 3
 * allows one mechanism per application, and the portal already needs its own (session for pages, bearer tokens for
 * {@code /api/*}). So {@link PortalAuthenticationMechanism} hands only this page's requests to Payara's OpenID Connect
 * mechanism, which does the protocol (state, nonce, code exchange, ID-token signature, issuer and audience checks), and
 * intercepts its verdict: the caller's provider groups are mapped to portal roles ({@link GroupRoleMapping}), and the
 * portal then starts its own session exactly as a password sign-in does (new session id, same idle and absolute
 * timeouts, same audit event with {@code method=oidc}). The provider's tokens are not used after that: they never
 * authenticate another request, so the API still accepts only bearer tokens and pages only the session.
 *
 * <p>A staff member whose groups give no role, or whose username belongs to a disabled built-in account (an admin's way
 * to shut out one person), is refused with a message on the sign-in page, and the refusal is audited.
 */
@ApplicationScoped
public class OidcSignIn {
    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());
    /** A one-time message for the sign-in page (refusals, provider errors): a bundle key followed by its arguments. */
    public static final String NOTICE_ATTRIBUTE = "userdesk.signInNotice";
    private static final String NEXT_ATTRIBUTE = "userdesk.signInNext";
    private static final String SOTERIA_MECHANISM = "org.glassfish.soteria.mechanisms.OpenIdAuthenticationMechanism";

    @Inject
    BeanManager beanManager;

    @Inject
    SignInOptions options;

    @Inject
    PortalSettings settings;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    SecurityAudit audit;

    @Inject
    Instance<OpenIdContext> openIdContext;

    private volatile HttpAuthenticationMechanism oidcMechanism;

    /** Starts the flow (no {@code state} yet) or finishes it (the provider's answer on the same page). */
    AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        boolean answer = request.getParameter("state") != null || request.getParameter("error") != null;
        if (!answer) {
            // the page the staff member wanted, for after the provider's answer (only a path inside the portal)
            request.getSession(true).setAttribute(NEXT_ATTRIBUTE,
                    PortalAuthenticationMechanism.safeLocalPath(request.getParameter("next")));
        }
        Verdict verdict = new Verdict(context, !answer);
        AuthenticationStatus status;
        try {
            status = mechanism().validateRequest(request, response, verdict);
        } catch (AuthenticationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Single sign-on failed: " + e.getMessage());
            audit.signInFailed(null, "provider-error", "page", SignedInStaff.OIDC);
            return refuse(request, context, "signin.oidc.unavailable", options.getOidcProviderName());
        }
        if (!answer) {
            return status; // the browser is on its way to the provider
        }
        CredentialValidationResult result = verdict.result;
        if (result == null || result.getStatus() != CredentialValidationResult.Status.VALID) {
            String error = request.getParameter("error");
            audit.signInFailed(null, error != null ? "provider-refused" : "invalid-answer", "page", SignedInStaff.OIDC,
                    error != null ? Map.of("providerError", error.length() > 60 ? error.substring(0, 60) : error) : Map.of());
            return refuse(request, context, "signin.oidc.incomplete");
        }
        String username = result.getCallerPrincipal().getName();
        Set<String> groups = result.getCallerGroups();
        Set<String> roles = options.roleMapping().rolesFor(groups);
        if (roles.isEmpty()) {
            audit.signInFailed(username, "no-mapped-role", "page", SignedInStaff.OIDC,
                    Map.of("groups", new ArrayList<>(new java.util.TreeSet<>(groups))));
            return refuse(request, context, "signin.oidc.noRole", options.getOidcProviderName(), username);
        }
        Optional<StaffAccount> account = accounts.find(username);
        if (account.isPresent() && !account.get().enabled()) {
            audit.signInFailed(username, "disabled", "page", SignedInStaff.OIDC);
            return refuse(request, context, "signin.oidc.disabled");
        }
        List<String> sortedRoles = List.copyOf(roles);
        String displayName = displayName(username, account);
        PortalAuthenticationMechanism.startSession(request, new SignedInStaff(username, displayName,
                sortedRoles, Instant.now(), SignedInStaff.OIDC), settings.sessionIdleTimeout());
        audit.signInSucceeded(username, displayName, sortedRoles, "page", SignedInStaff.OIDC);
        HttpSession session = request.getSession(false);
        String next = session == null ? null : (String) session.getAttribute(NEXT_ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(NEXT_ATTRIBUTE);
        }
        return context.redirect(request.getContextPath() + PortalAuthenticationMechanism.safeLocalPath(next));
    }

    private String displayName(String username, Optional<StaffAccount> account) {
        if (account.isPresent()) {
            return account.get().displayName();
        }
        try {
            return openIdContext.get().getIdentityToken().getJwtClaims().getStringClaim("name")
                    .filter(n -> !n.isBlank()).orElse(username);
        } catch (RuntimeException e) {
            return username;
        }
    }

    /**
     * A fresh session carrying only the message: the provider's half-finished state is dropped with the old one, so the
     * next attempt starts clean.
     */
    private AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context, String messageKey,
            String... arguments) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        // the key and its arguments, not a sentence: the sign-in page words it in the viewer's language
        String[] notice = new String[arguments.length + 1];
        notice[0] = messageKey;
        System.arraycopy(arguments, 0, notice, 1, arguments.length);
        request.getSession(true).setAttribute(NOTICE_ATTRIBUTE, notice);
        return context.redirect(request.getContextPath() + "/signin.xhtml");
    }

    private HttpAuthenticationMechanism mechanism() throws AuthenticationException {
        if (oidcMechanism == null) {
            // Soteria's mechanism is typed only by its own class, which the application cannot name at compile time
            for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (SOTERIA_MECHANISM.equals(bean.getBeanClass().getName())) {
                    Type type = bean.getBeanClass();
                    oidcMechanism = (HttpAuthenticationMechanism) beanManager.getReference(bean, type,
                            beanManager.createCreationalContext(bean));
                    break;
                }
            }
            if (oidcMechanism == null) {
                throw new AuthenticationException("The OpenID Connect mechanism is not installed");
            }
        }
        return oidcMechanism;
    }

    /**
     * What the standard mechanism sees as its message context: the page counts as protected only when the flow starts
     * (so it redirects to the provider), and its verdict is kept here instead of logging the caller in with the
     * provider's groups as roles.
     */
    private static final class Verdict extends HttpMessageContextWrapper {
        private final boolean starting;
        private CredentialValidationResult result;

        Verdict(HttpMessageContext wrapped, boolean starting) {
            super(wrapped);
            this.starting = starting;
        }

        @Override
        public boolean isProtected() {
            return starting;
        }

        @Override
        public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
            this.result = result;
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? AuthenticationStatus.SUCCESS : AuthenticationStatus.SEND_FAILURE;
        }

        @Override
        public void setRegisterSession(String callerName, Set<String> groups) {
            // the portal keeps its own session; the container's must not remember the provider's groups as roles
        }
    }
}
