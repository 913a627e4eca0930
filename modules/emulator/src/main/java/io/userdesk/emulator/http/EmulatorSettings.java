package io.userdesk.emulator.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The emulator's switches from MicroProfile Config (system properties, environment, or the bundled defaults). */
@ApplicationScoped
public class EmulatorSettings {

    @Inject
    @ConfigProperty(name = "emulator.admin.enabled", defaultValue = "false")
    boolean adminEnabled;

    /** Whether the unauthenticated {@code /_emulator} test controls answer; off unless explicitly enabled. */
    public boolean adminEnabled() {
        return adminEnabled;
    }
}
