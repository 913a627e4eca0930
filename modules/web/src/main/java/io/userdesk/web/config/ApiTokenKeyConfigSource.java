package io.userdesk.web.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code mp.jwt.verify.publickey} from the portal's own signing key, so MP JWT verifies exactly the tokens
 * {@code /api/token} issues without an operator copying keys around. Its ordinal (50) is below the properties file and
 * the environment. To trust an external issuer's key instead, set {@code userdesk.api-token.own-key=false} (this source
 * then supplies nothing, since MP JWT refuses a key and a key location together).
 */
public class ApiTokenKeyConfigSource implements ConfigSource {
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    private boolean enabled() {
        return ownKeyInUse();
    }

    /**
     * False when {@code userdesk.api-token.own-key=false}: tokens then come from an external issuer. Read from the same
     * places as every other key (system property, environment, then the WAR's {@code microprofile-config.properties}),
     * but by hand, because a config source cannot ask the configuration it is part of.
     */
    public static boolean ownKeyInUse() {
        String flag = System.getProperty(OWN_KEY, System.getenv("USERDESK_API_TOKEN_OWN_KEY"));
        if (flag == null) {
            flag = fromPropertiesFiles();
        }
        return flag == null || !flag.strip().equalsIgnoreCase("false");
    }

    private static final String OWN_KEY = "userdesk.api-token.own-key";
    private static final Map<ClassLoader, Optional<String>> FROM_FILES = new WeakHashMap<>();

    private static String fromPropertiesFiles() {
        // the WAR's own class loader: the file this source ships in, whichever thread asks
        ClassLoader loader = ApiTokenKeyConfigSource.class.getClassLoader();
        synchronized (FROM_FILES) {
            return FROM_FILES.computeIfAbsent(loader, l -> {
                try {
                    Enumeration<URL> files = l.getResources("META-INF/microprofile-config.properties");
                    while (files.hasMoreElements()) {
                        Properties properties = new Properties();
                        try (InputStream in = files.nextElement().openStream()) {
                            properties.load(in);
                        }
                        if (properties.getProperty(OWN_KEY) != null) {
                            return Optional.of(properties.getProperty(OWN_KEY));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read META-INF/microprofile-config.properties", e);
                }
                return Optional.empty();
            }).orElse(null);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return enabled() ? Set.of(PUBLIC_KEY) : Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return enabled() ? Map.of(PUBLIC_KEY, ApiTokenKeys.publicKeyPem()) : Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        return enabled() && PUBLIC_KEY.equals(propertyName) ? ApiTokenKeys.publicKeyPem() : null;
    }

    @Override
    public String getName() {
        return "UserDesk API signing key";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
