package io.userdesk.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The portal's own settings, read once from MicroProfile Config; see docs/configuration.md for every key. */
@ApplicationScoped
@Named("portalSettings")
public class PortalSettings {

    private Config config() {
        return ConfigProvider.getConfig();
    }

    /** Demo mode: seeded demo accounts and a notice on the sign-in page. */
    public boolean isDemo() {
        return config().getOptionalValue("userdesk.demo", Boolean.class).orElse(false);
    }

    public String jwtIssuer() {
        return config().getOptionalValue("mp.jwt.verify.issuer", String.class).orElse("urn:userdesk:portal");
    }

    public String jwtAudience() {
        return config().getOptionalValue("mp.jwt.verify.audiences", String.class).orElse("userdesk-api").split(",")[0].trim();
    }

    public long apiTokenLifetimeSeconds() {
        return config().getOptionalValue("userdesk.api-token.lifetime-seconds", Long.class).orElse(900L);
    }

    /** Leeway for {@code exp}, {@code nbf} and {@code iat} of API tokens, for clocks a little apart. */
    public long apiTokenClockSkewSeconds() {
        return config().getOptionalValue("userdesk.api-token.clock-skew-seconds", Long.class).orElse(30L);
    }

    /** Whether API tokens are verified with the portal's own key (else an external issuer's key, see docs/security.md). */
    public boolean ownApiTokenKey() {
        return ApiTokenKeyConfigSource.ownKeyInUse();
    }

    /** A signed-in browser session ends this long after sign-in even while in use (decimal minutes allowed). */
    public java.time.Duration sessionAbsoluteTimeout() {
        return minutes("userdesk.session.absolute-timeout-minutes", 480);
    }

    /**
     * A signed-in browser session ends after this long without a request (decimal minutes allowed). Set on the session
     * at sign-in; web.xml's 30 minutes applies to sessions nobody has signed in to.
     */
    public java.time.Duration sessionIdleTimeout() {
        return minutes("userdesk.session.idle-timeout-minutes", 30);
    }

    private java.time.Duration minutes(String key, double fallback) {
        double minutes = config().getOptionalValue(key, Double.class).orElse(fallback);
        if (!(minutes > 0)) {
            throw new IllegalStateException(key + " must be a positive number of minutes, not " + minutes);
        }
        return java.time.Duration.ofMillis(Math.round(minutes * 60_000));
    }

    /** Consecutive wrong passwords after which a built-in account is locked. */
    public int signInMaxFailures() {
        return config().getOptionalValue("userdesk.signin.max-failures", Integer.class).orElse(5);
    }

    /** First lockout; doubled for each further failure, at most an hour. */
    public long signInLockoutSeconds() {
        return config().getOptionalValue("userdesk.signin.lockout-seconds", Long.class).orElse(60L);
    }

    /** One-time bootstrap of the first admin outside demo mode (see docs/security.md); empty when not set. */
    public java.util.Optional<String> bootstrapAdminPassword() {
        return config().getOptionalValue("userdesk.bootstrap.admin-password", String.class).filter(s -> !s.isBlank());
    }

    public String bootstrapAdminUsername() {
        return config().getOptionalValue("userdesk.bootstrap.admin-username", String.class).orElse("admin");
    }

    /** Where the portal keeps files it generates on first start (the API signing key). */
    public static Path home() {
        return ApiTokenKeys.homeDirectory();
    }
}
