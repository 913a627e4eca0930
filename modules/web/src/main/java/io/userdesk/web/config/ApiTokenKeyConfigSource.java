package io.userdesk.web.config;

import java.util.Map;
import java.util.Set;
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

    /** False when {@code userdesk.api-token.own-key=false}: tokens then come from an external issuer. */
    public static boolean ownKeyInUse() {
        String flag = System.getProperty("userdesk.api-token.own-key", System.getenv("USERDESK_API_TOKEN_OWN_KEY"));
        return flag == null || !flag.equalsIgnoreCase("false");
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
