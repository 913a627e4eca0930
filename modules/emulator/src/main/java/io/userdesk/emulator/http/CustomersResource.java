package io.userdesk.emulator.http;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerCollection;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.CustomerUserCollection;
import io.userdesk.api.rest.PartnerCenterCustomersApi;
import io.userdesk.emulator.state.ListRequest;
import io.userdesk.emulator.state.PartnerCenterState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * The emulated Partner Center customer and customer-user endpoints. It implements the very interface the UserDesk
 * client is generated from, so paths, parameters and headers cannot drift apart; every rule lives in
 * {@link PartnerCenterState}, and this class only adds what depends on the HTTP request (collection links).
 * {@code MS-RequestId} and {@code MS-CorrelationId} are echoed by {@link PartnerCenterResponseHeadersFilter} and
 * recorded by {@link RequestRecordingFilter}, so the parameters are not used here. DELETE (U5) is added here, outside
 * the contract the portal uses.
 */
@RequestScoped
@Path("/v1/customers")
@Produces(FaultResponses.JSON_UTF8)
public class CustomersResource implements PartnerCenterCustomersApi {

    @Inject
    PartnerCenterState state;

    @Inject
    IdempotentUpdates idempotentUpdates;

    @Context
    UriInfo uriInfo;

    @Override
    public CustomerCollection listCustomers(String requestId, String correlationId, Integer size, String filter,
                                            String seekOperation, String continuationToken) {
        var page = state.listCustomers(new ListRequest(size, filter, null, null, seekOperation, continuationToken));
        return CollectionResponses.fill(new CustomerCollection(), page, requestApiPath(), rawQuery());
    }

    @Override
    public Customer getCustomer(String requestId, String correlationId, String customerId) {
        return state.getCustomer(customerId);
    }

    @Override
    public CustomerUserCollection listUsers(String requestId, String correlationId, String customerId, Integer size,
                                            String filter, String sortField, String sortDirection, String seekOperation,
                                            String continuationToken) {
        var page = state.listUsers(customerId,
                new ListRequest(size, filter, sortField, sortDirection, seekOperation, continuationToken));
        return CollectionResponses.fill(new CustomerUserCollection(), page, requestApiPath(), rawQuery());
    }

    @Override
    public CustomerUser getUser(String requestId, String correlationId, String customerId, String userId) {
        return state.getUser(customerId, userId);
    }

    @Override
    public CustomerUser updateUser(String requestId, String correlationId, String customerId, String userId,
                                   CustomerUser changes) {
        return idempotentUpdates.apply(requestId, () -> state.updateUser(customerId, userId, changes));
    }

    /**
     * U5: 204 with no body (reference §1.2); the user then is {@code inactive} with {@code softDeletionTime}. Not in
     * the shared contract interface because the portal never deletes users; the emulator offers it so the
     * deleted-users list and restore can be exercised end to end.
     */
    @DELETE
    @Path("{customerId}/users/{userId}")
    public Response deleteUser(@PathParam("customerId") String customerId, @PathParam("userId") String userId) {
        state.deleteUser(customerId, userId);
        return Response.noContent().build();
    }

    private String requestApiPath() {
        return CollectionResponses.apiPath(uriInfo.getPath(false));
    }

    private String rawQuery() {
        return uriInfo.getRequestUri().getRawQuery();
    }
}
