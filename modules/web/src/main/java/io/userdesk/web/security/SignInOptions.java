package io.userdesk.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The ways staff can sign in, each switched on or off in MicroProfile Config: built-in accounts (username and password,
 * {@code userdesk.signin.built-in.enabled}, on by default) and OpenID Connect ({@code userdesk.oidc.enabled}, off by
 * default), e.g. Microsoft Entra ID or Keycloak. docs/security.md shows a configuration for each.
 *
 * <p>Why the OpenID Connect definition sits here with every value an expression: Jakarta Security reads the annotation
 * once, but evaluates {@code ${...}} against beans when the mechanism first needs its configuration, so the provider,
 * client and claims come from MicroProfile Config (system properties, environment, the WAR's properties file) and nothing
 * about a provider is compiled in. The mechanism (Payara's Soteria) only ever runs when {@link PortalAuthenticationMechanism}
 * hands it the single sign-on page's requests, and only while OpenID Connect is on, so the definition costs nothing when
 * it is off (no provider is contacted).
 */
@ApplicationScoped
@Named("signInOptions")
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${signInOptions.oidcProviderUri}",
        clientId = "${signInOptions.oidcClientId}",
        clientSecret = "${signInOptions.oidcClientSecret}",
        redirectURI = "${signInOptions.oidcRedirectUri}",
        scopeExpression = "${signInOptions.oidcScopes}",
        claimsDefinition = @ClaimsDefinition(
                callerNameClaim = "${signInOptions.oidcCallerNameClaim}",
                callerGroupsClaim = "${signInOptions.oidcGroupsClaim}"),
        tokenAutoRefresh = false)
public class SignInOptions {
    /** The one page through which the OpenID Connect flow starts and to which the provider answers. */
    public static final String OIDC_PAGE = "/signin/oidc.xhtml";

    private Config config() {
        return ConfigProvider.getConfig();
    }

    private String value(String key, String fallback) {
        return config().getOptionalValue(key, String.class).filter(s -> !s.isBlank()).orElse(fallback);
    }

    /** Username-and-password sign-in with the accounts kept in PostgreSQL (pages and {@code POST /api/token}). */
    public boolean isBuiltInEnabled() {
        return config().getOptionalValue("userdesk.signin.built-in.enabled", Boolean.class).orElse(true);
    }

    /** Single sign-on through an OpenID Connect provider (authorization-code flow). */
    public boolean isOidcEnabled() {
        return config().getOptionalValue("userdesk.oidc.enabled", Boolean.class).orElse(false);
    }

    /** The name on the sign-in button, e.g. "Microsoft Entra ID". */
    public String getOidcProviderName() {
        return value("userdesk.oidc.provider-name", "single sign-on");
    }

    /** The issuer URL; its {@code /.well-known/openid-configuration} describes the provider. */
    public String getOidcProviderUri() {
        return required("userdesk.oidc.provider-uri");
    }

    public String getOidcClientId() {
        return required("userdesk.oidc.client-id");
    }

    public String getOidcClientSecret() {
        return required("userdesk.oidc.client-secret");
    }

    /** Where the provider sends the browser back: the single sign-on page ({@code ${baseURL}} is this portal's URL). */
    public String getOidcRedirectUri() {
        return value("userdesk.oidc.redirect-uri", "${baseURL}" + OIDC_PAGE);
    }

    public String getOidcScopes() {
        return value("userdesk.oidc.scopes", "openid profile email");
    }

    /** The claim naming the staff member: their portal username (audit actor, customer scope). */
    public String getOidcCallerNameClaim() {
        return value("userdesk.oidc.caller-name-claim", "preferred_username");
    }

    /** The claim listing the staff member's groups (Keycloak: {@code groups}; Entra ID: {@code groups} or {@code roles}). */
    public String getOidcGroupsClaim() {
        return value("userdesk.oidc.groups-claim", "groups");
    }

    /**
     * Provider groups to portal roles ({@code group=role,...}); also applied to the groups of tokens from an external
     * issuer on {@code /api/*}.
     */
    public GroupRoleMapping roleMapping() {
        return GroupRoleMapping.parse(config().getOptionalValue("userdesk.oidc.role-mapping", String.class).orElse(""));
    }

    private String required(String key) {
        Optional<String> v = config().getOptionalValue(key, String.class).filter(s -> !s.isBlank());
        return v.orElseThrow(() -> new IllegalStateException(
                "OpenID Connect sign-in is on (userdesk.oidc.enabled) but " + key + " is not set"));
    }
}
