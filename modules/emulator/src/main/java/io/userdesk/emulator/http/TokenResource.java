package io.userdesk.emulator.http;

import io.userdesk.emulator.oauth.TokenIssuer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /partner-center/{tenant}/oauth2/token}: the App+User refresh-token grant shaped like the Microsoft
 * identity platform's v1 endpoint the SDK samples use (reference §4.1). The answer is the documented JSON, with
 * {@code expires_in} and friends as strings, as in the documentation's example; refusals are OAuth error JSON.
 */
@RequestScoped
@Path("{tenant}/oauth2/token")
public class TokenResource {

    @Inject
    TokenIssuer issuer;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@PathParam("tenant") String tenant, @FormParam("grant_type") String grantType,
                          @FormParam("refresh_token") String refreshToken, @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret, @FormParam("resource") String resource) {
        try {
            TokenIssuer.Grant grant = issuer.grant(tenant, grantType, refreshToken, clientId, clientSecret, resource);
            String body = Json.createObjectBuilder()
                    .add("token_type", "Bearer")
                    .add("scope", "user_impersonation")
                    .add("expires_in", Long.toString(grant.expiresInSeconds()))
                    .add("ext_expires_in", Long.toString(grant.expiresInSeconds()))
                    .add("expires_on", Long.toString(grant.expiresOn().getEpochSecond()))
                    .add("not_before", Long.toString(grant.notBefore().getEpochSecond()))
                    .add("resource", TokenIssuer.PARTNER_CENTER_RESOURCE)
                    .add("access_token", grant.accessToken())
                    .build().toString();
            return Response.ok(body, MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
        } catch (TokenIssuer.GrantRefused refused) {
            String body = Json.createObjectBuilder().add("error", refused.error())
                    .add("error_description", refused.getMessage()).build().toString();
            return Response.status(refused.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
        }
    }
}
