package io.userdesk.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.userdesk.web.config.ApiTokenKeys;
import io.userdesk.web.config.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The checks on a bearer token that the portal makes itself, around Payara's MicroProfile JWT verification (which
 * checks the signature against the configured key, the issuer and the audience).
 *
 * <p>Why not trust the container alone: its behaviour on header fields is not specified (Payara once ignored
 * {@code kid}, #3795), {@code nbf} is outside the MP JWT spec, and the container cannot know that a staff account was
 * disabled after its token was issued. So before verification the header is pinned (exactly {@code RS256}, no
 * {@code jku}/{@code x5u}/{@code jwk}/{@code x5c}/{@code crit}, the portal's own {@code kid} when the portal signs),
 * and after it the times are checked with a small skew and the account must still exist and be enabled. With an
 * external issuer (its JWKS configured instead of the portal's key) a {@code kid} is required, and a built-in account of
 * the token's username, if there is one, must not be disabled.
 */
@ApplicationScoped
public class ApiTokenGuard {

    @Inject
    PortalSettings settings;

    @Inject
    StaffAccountRepository accounts;

    /** Header checks that need no key; empty when the token may go on to signature verification. */
    public Optional<String> rejectHeader(String token) {
        JWSHeader header;
        try {
            header = SignedJWT.parse(token).getHeader();
        } catch (ParseException | RuntimeException e) {
            return Optional.of("not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.getName().equals(header.getAlgorithm().getName())) {
            return Optional.of("algorithm other than RS256");
        }
        if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null
                || header.getX509CertChain() != null || header.getCriticalParams() != null) {
            return Optional.of("key-locating header");
        }
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
            return Optional.of("type other than JWT");
        }
        if (settings.ownApiTokenKey() && !ApiTokenKeys.keyId().equals(header.getKeyID())) {
            return Optional.of("unknown key id");
        }
        if (!settings.ownApiTokenKey() && (header.getKeyID() == null || header.getKeyID().isBlank())) {
            // Payara would verify a kid-less token with the first key of the issuer's JWKS; require the key to be named
            return Optional.of("no key id");
        }
        return Optional.empty();
    }

    /** Claim checks after the signature was verified; empty when the token is acceptable. */
    public Optional<String> rejectClaims(String token) {
        JWTClaimsSet claims;
        try {
            claims = SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            return Optional.of("unreadable claims");
        }
        Instant now = Instant.now();
        long skew = settings.apiTokenClockSkewSeconds();
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        Date notBefore = claims.getNotBeforeTime();
        if (expires == null || expires.toInstant().plusSeconds(skew).isBefore(now)) {
            return Optional.of("expired");
        }
        if (issued == null || issued.toInstant().minusSeconds(skew).isAfter(now)) {
            return Optional.of("issued in the future");
        }
        if (notBefore != null && notBefore.toInstant().minusSeconds(skew).isAfter(now)) {
            return Optional.of("not yet valid");
        }
        String username = upn(claims);
        if (settings.ownApiTokenKey()) {
            boolean active = username != null && accounts.find(username).map(StaffAccount::enabled).orElse(false);
            if (!active) {
                return Optional.of("account unknown or disabled");
            }
        } else if (username == null || !accounts.find(username).map(StaffAccount::enabled).orElse(true)) {
            // an external issuer's staff need no built-in account, but a disabled one of the same name shuts them out
            return Optional.of("account disabled");
        }
        return Optional.empty();
    }

    private static String upn(JWTClaimsSet claims) {
        try {
            String upn = claims.getStringClaim("upn");
            if (upn == null) {
                upn = claims.getStringClaim("preferred_username");
            }
            return upn == null ? claims.getSubject() : upn;
        } catch (ParseException e) {
            return null;
        }
    }
}
