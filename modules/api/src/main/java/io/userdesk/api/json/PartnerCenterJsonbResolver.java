package io.userdesk.api.json;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands JAX-RS (server or REST Client) the {@link PartnerCenterJson} configuration, so every Partner Center body is
 * read case-insensitively. Register it as a provider on both sides of the wire.
 */
@Provider
public class PartnerCenterJsonbResolver implements ContextResolver<Jsonb> {
    private static final class Holder {
        static final Jsonb JSONB = PartnerCenterJson.create();
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return Holder.JSONB;
    }
}
