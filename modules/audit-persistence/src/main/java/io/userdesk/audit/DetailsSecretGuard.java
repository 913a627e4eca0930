package io.userdesk.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses event details that look like they carry a credential.
 *
 * <p>Why: the audit trail can never be corrected (it is append-only and hash-chained), so a password written into it
 * by mistake would stay there for good. Callers must record <em>that</em> a secret changed ({@code "changed"} or a
 * Boolean), never its value. This check is defence in depth behind that rule, not a data-loss-prevention scanner: it
 * only knows the key names below, compared case-insensitively, at any depth.
 */
final class DetailsSecretGuard {

    private static final Set<String> SECRET_KEYS = Set.of("password", "newpassword", "accesstoken", "access_token",
            "token", "authorization", "secret", "clientsecret", "refreshtoken");

    private static final String ALLOWED_MARKER = "changed";

    private DetailsSecretGuard() {
    }

    /**
     * @param details the details map (nested maps and lists are searched too)
     * @throws IllegalArgumentException naming the key (never the value) if a secret key carries a real value
     */
    static void requireNoSecrets(Map<String, Object> details) {
        inspect(details);
    }

    private static void inspect(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT)) && !isHarmless(entry.getValue())) {
                    throw new IllegalArgumentException("details must not carry secrets: key " + key);
                }
                inspect(entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            list.forEach(DetailsSecretGuard::inspect);
        }
    }

    private static boolean isHarmless(Object value) {
        return value == null || ALLOWED_MARKER.equals(value) || value instanceof Boolean;
    }
}
