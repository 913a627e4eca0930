package io.userdesk.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Chooses how UserDesk authenticates to Partner Center, from MicroProfile Config (environment variables work too,
 * e.g. {@code PARTNER_CENTER_AUTH_CLIENT_SECRET}):
 * <ul>
 *   <li>when {@code partner-center.auth.refresh-token} is set: the App+User flow ({@link AppUserTokenClient}) with
 *       {@code partner-center.auth.tenant}, {@code .client-id}, {@code .client-secret}, {@code .authority} (default
 *       {@value AppUserTokenClient#DEFAULT_AUTHORITY}), {@code .resource} and {@code .expiry-buffer-seconds} (120);</li>
 *   <li>otherwise the fixed token {@code partner-center.access-token}, for operators who obtain tokens elsewhere.</li>
 * </ul>
 */
@ApplicationScoped
public class ConfiguredTokenProvider implements PartnerCenterTokenProvider {
    public static final String CONFIG_KEY = "partner-center.access-token";
    public static final String AUTH_PREFIX = "partner-center.auth.";

    private volatile PartnerCenterTokenProvider delegate;

    @Override
    public String accessToken() {
        return delegate().accessToken();
    }

    @Override
    public boolean renew(String rejectedToken) {
        return delegate().renew(rejectedToken);
    }

    private PartnerCenterTokenProvider delegate() {
        if (delegate == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = fromConfig(ConfigProvider.getConfig());
                }
            }
        }
        return delegate;
    }

    static PartnerCenterTokenProvider fromConfig(Config config) {
        Optional<String> refreshToken = nonBlank(config, AUTH_PREFIX + "refresh-token");
        if (refreshToken.isPresent()) {
            AppUserTokenClient.Settings settings = new AppUserTokenClient.Settings(
                    nonBlank(config, AUTH_PREFIX + "authority").orElse(AppUserTokenClient.DEFAULT_AUTHORITY),
                    required(config, AUTH_PREFIX + "tenant"),
                    required(config, AUTH_PREFIX + "client-id"),
                    required(config, AUTH_PREFIX + "client-secret"),
                    refreshToken.get(),
                    nonBlank(config, AUTH_PREFIX + "resource").orElse(AppUserTokenClient.PARTNER_CENTER_RESOURCE),
                    Duration.ofSeconds(config.getOptionalValue(AUTH_PREFIX + "expiry-buffer-seconds", Long.class)
                            .orElse(AppUserTokenClient.DEFAULT_EXPIRY_BUFFER.toSeconds())),
                    Duration.ofMillis(config.getOptionalValue("partner-center/mp-rest/readTimeout", Long.class).orElse(30_000L)));
            return new AppUserTokenClient(settings, Clock.systemUTC());
        }
        Optional<String> fixed = nonBlank(config, CONFIG_KEY);
        return () -> fixed.orElseThrow(() -> new PartnerCenterUnavailableException(
                PartnerCenterUnavailableException.Reason.NOT_CONFIGURED,
                "Partner Center credentials are not configured (set " + AUTH_PREFIX + "refresh-token with its tenant, "
                        + "client-id and client-secret, or " + CONFIG_KEY + ").", null));
    }

    private static Optional<String> nonBlank(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static String required(Config config, String key) {
        return nonBlank(config, key).orElseThrow(() -> new PartnerCenterUnavailableException(
                PartnerCenterUnavailableException.Reason.NOT_CONFIGURED,
                "Partner Center credentials are incomplete: " + key + " is not set.", null));
    }
}
