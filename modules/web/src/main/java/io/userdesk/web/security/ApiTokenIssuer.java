package io.userdesk.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.userdesk.web.config.ApiTokenKeys;
import io.userdesk.web.config.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues the short-lived RS256 tokens of the portal API, with the claims MicroProfile JWT requires ({@code iss},
 * {@code sub}, {@code upn}, {@code aud}, {@code groups}, {@code iat}, {@code exp}, {@code jti}) and the signing key's
 * {@code kid}.
 */
@ApplicationScoped
public class ApiTokenIssuer {

    /** A token as handed to the caller. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    @Inject
    PortalSettings settings;

    public IssuedToken issue(String username, Collection<String> roles) {
        long lifetime = settings.apiTokenLifetimeSeconds();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.jwtIssuer())
                .subject(username)
                .audience(settings.jwtAudience())
                .claim("upn", username)
                .claim("groups", List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(ApiTokenKeys.keyId())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(ApiTokenKeys.keyPair().getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("The API token cannot be signed", e);
        }
        return new IssuedToken(jwt.serialize(), lifetime);
    }
}
