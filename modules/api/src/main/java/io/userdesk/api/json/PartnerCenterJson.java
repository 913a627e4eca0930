package io.userdesk.api.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * The one JSON-B configuration for Partner Center bodies. Property names are written exactly as the Java fields
 * (camelCase, as the service answers) and read case-insensitively, because the .NET SDK sends PascalCase and the
 * Java SDK sends PascalCase for {@code PasswordProfile} (reference §1.3). Nulls are not written, so absent fields stay
 * absent as in the documented GET examples.
 */
public final class PartnerCenterJson {

    private PartnerCenterJson() {
    }

    public static JsonbConfig config() {
        return new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.CASE_INSENSITIVE)
                .withNullValues(false);
    }

    public static Jsonb create() {
        return JsonbBuilder.create(config());
    }
}
