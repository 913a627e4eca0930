package io.userdesk.api.rest;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerCollection;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.CustomerUserCollection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The Partner Center endpoints UserDesk uses (reference §1.2, C1, C2, U1, U2, U4), as one JAX-RS interface: the
 * client module builds its MicroProfile REST Client from it and the emulator implements it, so both sides agree on
 * paths, query parameters and headers by construction.
 *
 * <p>{@code MS-RequestId} and {@code MS-CorrelationId} are explicit parameters because their values carry meaning
 * (idempotency per call, tracing per user action) and the caller must record them in the audit before sending.
 * Paths are relative to the service root, which includes nothing after the host for the real service.
 */
@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public interface PartnerCenterCustomersApi {

    /** C1: a page of the partner's customers; {@code filter} is URL-encoded JSON, e.g. {@code {"Field":"CompanyName","Value":"con","Operator":"starts_with"}}. */
    @GET
    CustomerCollection listCustomers(@HeaderParam(PartnerCenterHeaders.REQUEST_ID) String requestId,
                                     @HeaderParam(PartnerCenterHeaders.CORRELATION_ID) String correlationId,
                                     @QueryParam("size") Integer size,
                                     @QueryParam("filter") String filter,
                                     @QueryParam("seekOperation") String seekOperation,
                                     @HeaderParam(PartnerCenterHeaders.CONTINUATION_TOKEN) String continuationToken);

    /** C2: one customer by tenant id. */
    @GET
    @Path("{customerId}")
    Customer getCustomer(@HeaderParam(PartnerCenterHeaders.REQUEST_ID) String requestId,
                         @HeaderParam(PartnerCenterHeaders.CORRELATION_ID) String correlationId,
                         @PathParam("customerId") String customerId);

    /** U1: a page of a customer's users. */
    @GET
    @Path("{customerId}/users")
    CustomerUserCollection listUsers(@HeaderParam(PartnerCenterHeaders.REQUEST_ID) String requestId,
                                     @HeaderParam(PartnerCenterHeaders.CORRELATION_ID) String correlationId,
                                     @PathParam("customerId") String customerId,
                                     @QueryParam("size") Integer size,
                                     @QueryParam("filter") String filter,
                                     @QueryParam("sortField") String sortField,
                                     @QueryParam("sortDirection") String sortDirection,
                                     @QueryParam("seekOperation") String seekOperation,
                                     @HeaderParam(PartnerCenterHeaders.CONTINUATION_TOKEN) String continuationToken);

    /** U2: one user by object id. */
    @GET
    @Path("{customerId}/users/{userId}")
    CustomerUser getUser(@HeaderParam(PartnerCenterHeaders.REQUEST_ID) String requestId,
                         @HeaderParam(PartnerCenterHeaders.CORRELATION_ID) String correlationId,
                         @PathParam("customerId") String customerId,
                         @PathParam("userId") String userId);

    /** U4: partial update; omitted and null properties are left unchanged; returns the updated user. */
    @PATCH
    @Path("{customerId}/users/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    CustomerUser updateUser(@HeaderParam(PartnerCenterHeaders.REQUEST_ID) String requestId,
                            @HeaderParam(PartnerCenterHeaders.CORRELATION_ID) String correlationId,
                            @PathParam("customerId") String customerId,
                            @PathParam("userId") String userId,
                            CustomerUser changes);
}
