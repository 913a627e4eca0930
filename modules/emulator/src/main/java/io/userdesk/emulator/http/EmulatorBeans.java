package io.userdesk.emulator.http;

import io.userdesk.emulator.requestlog.RequestLog;
import io.userdesk.emulator.seed.SeedFixture;
import io.userdesk.emulator.state.PartnerCenterState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.userdesk.emulator.faults.FaultPlan;
import io.userdesk.emulator.oauth.TokenIssuer;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the plain-Java state and request log application-wide CDI beans, so they stay free of container
 * annotations and unit tests can simply construct them. The state is seeded from the bundled fixture on first use.
 */
@ApplicationScoped
public class EmulatorBeans {

    @Produces
    @ApplicationScoped
    PartnerCenterState partnerCenterState() {
        return new PartnerCenterState(SeedFixture.loadBundled(), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    FaultPlan faultPlan() {
        return new FaultPlan();
    }

    /** The App+User credentials and token lifetime from MP Config ({@code emulator.oauth.*}, demo values by default). */
    @Produces
    @ApplicationScoped
    TokenIssuer tokenIssuer() {
        Config config = ConfigProvider.getConfig();
        TokenIssuer.Credentials credentials = new TokenIssuer.Credentials(
                config.getOptionalValue("emulator.oauth.tenant", String.class).orElse("demo-partner"),
                config.getOptionalValue("emulator.oauth.client-id", String.class).orElse("userdesk-demo"),
                config.getOptionalValue("emulator.oauth.client-secret", String.class).orElse("demo-secret"),
                config.getOptionalValue("emulator.oauth.refresh-token", String.class).orElse("demo-refresh-token"));
        long lifetime = config.getOptionalValue("emulator.oauth.token-lifetime-seconds", Long.class).orElse(3600L);
        return new TokenIssuer(credentials, Duration.ofSeconds(lifetime), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    RequestLog requestLog() {
        return new RequestLog();
    }
}
