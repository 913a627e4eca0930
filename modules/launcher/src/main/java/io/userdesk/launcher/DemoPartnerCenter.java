package io.userdesk.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The emulator's demo credentials, read from {@code demo-partner-center.properties} on the launcher's class path so
 * that no credential, even a demo one, lives in code. Demo mode hands them to the portal exactly as an operator would
 * hand real ones.
 */
record DemoPartnerCenter(String accessToken, String tenant, String clientId, String clientSecret, String refreshToken) {
    static final String RESOURCE = "/demo-partner-center.properties";

    static DemoPartnerCenter load() {
        Properties properties = new Properties();
        try (InputStream in = DemoPartnerCenter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The launcher jar lacks " + RESOURCE);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new DemoPartnerCenter(required(properties, "emulator.access-token"),
                required(properties, "partner-center.auth.tenant"), required(properties, "partner-center.auth.client-id"),
                required(properties, "partner-center.auth.client-secret"),
                required(properties, "partner-center.auth.refresh-token"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return value;
    }
}
