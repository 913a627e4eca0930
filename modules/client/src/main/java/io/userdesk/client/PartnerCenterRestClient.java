package io.userdesk.client;

import io.userdesk.api.json.PartnerCenterJsonbResolver;
import io.userdesk.api.rest.PartnerCenterCustomersApi;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The MicroProfile REST Client for Partner Center, built from the shared {@link PartnerCenterCustomersApi} contract.
 * Its base URL and timeouts come from MicroProfile Config under the key {@code partner-center}
 * ({@code partner-center/mp-rest/url}, {@code …/connectTimeout}, {@code …/readTimeout}). Callers use
 * {@link PartnerCenterGateway}, which adds the bearer token ({@link BearerTokenFilter}), ids, retries and the circuit
 * breaker, and turns transport failures into typed exceptions.
 *
 * <p>The class-level {@code @Path} and {@code @Produces} are repeated here because JAX-RS implementations read them
 * from the interface that is built, not from the interfaces it extends; method annotations are inherited.
 */
@RegisterRestClient(configKey = "partner-center")
@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(PartnerCenterJsonbResolver.class)
@RegisterProvider(PartnerCenterErrorMapper.class)
public interface PartnerCenterRestClient extends PartnerCenterCustomersApi {
}
