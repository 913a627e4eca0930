package io.userdesk.web.rest;

import io.userdesk.web.config.PortalSettings;
import io.userdesk.web.security.ApiTokenIssuer;
import io.userdesk.web.security.SignInOptions;
import io.userdesk.web.security.StaffAccount;
import io.userdesk.web.security.StaffAccountRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/token}: exchanges a staff member's username and password for a short-lived API token. It answers 404
 * when the portal does not sign API tokens (an external issuer is configured) or built-in accounts are switched off.
 */
@Path("token")
@RequestScoped
public class TokenResource {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ApiTokenIssuer issuer;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    PortalSettings settings;

    @Inject
    SignInOptions signInOptions;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("username") String username, @FormParam("password") String password) {
        if (!settings.ownApiTokenKey() || !signInOptions.isBuiltInEnabled()) {
            return Problem.of(404, "No token endpoint", settings.ownApiTokenKey()
                    ? "Built-in accounts are switched off, so there is no password to exchange for a token."
                    : "API tokens come from the configured identity provider, not from this portal.").build();
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Problem.of(400, "Missing credentials", "Send the form fields username and password.").build();
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return Problem.of(401, "Unauthorized", "The username or password is not correct.").build();
        }
        if (accounts.find(result.getCallerPrincipal().getName()).map(StaffAccount::mustChangePassword).orElse(false)) {
            return Problem.of(403, "Password change required",
                    "Sign in to the portal and set a new password before asking for API tokens.").build();
        }
        ApiTokenIssuer.IssuedToken token = issuer.issue(result.getCallerPrincipal().getName(), result.getCallerGroups());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Json.createObjectBuilder()
                        .add("access_token", token.accessToken())
                        .add("token_type", "Bearer")
                        .add("expires_in", token.expiresInSeconds())
                        .build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(noStore).build();
    }
}
