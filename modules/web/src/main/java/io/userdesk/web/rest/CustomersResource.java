package io.userdesk.web.rest;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.directory.Page;
import io.userdesk.web.directory.UserOrder;
import io.userdesk.web.edit.EditResult;
import io.userdesk.web.edit.UserEditService;
import io.userdesk.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Customers and their users for staff tooling: the same directory and edit services as the pages, so the API and the
 * UI cannot disagree on rules, paging or audit. Only agents and admins may use it.
 */
@Path("customers")
@RequestScoped
@RolesAllowed({Roles.AGENT, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {
    /** Optional free-text reason or ticket number, stored with the change in the audit. */
    public static final String REASON_HEADER = "X-UserDesk-Reason";

    @Inject
    CustomerDirectory directory;

    @Inject
    UserEditService edits;

    @Inject
    ApiCaller caller;

    @GET
    public PageJson<Customer> customers(@QueryParam("search") String search,
                                        @QueryParam("pageSize") @DefaultValue("25") int pageSize,
                                        @QueryParam("cursor") String cursor) {
        Page<Customer> page = directory.findCustomers(PartnerCenterGateway.newId(), search, pageSize, cursor);
        return new PageJson<>(page.items(), page.nextCursor());
    }

    @GET
    @Path("{customerId}")
    public Customer customer(@PathParam("customerId") String customerId) {
        return directory.customer(PartnerCenterGateway.newId(), customerId);
    }

    /** {@code sort}: DISPLAY_NAME, DISPLAY_NAME_DESCENDING, USER_PRINCIPAL_NAME, USER_PRINCIPAL_NAME_DESCENDING or none. */
    @GET
    @Path("{customerId}/users")
    public PageJson<CustomerUser> users(@PathParam("customerId") String customerId,
                                        @QueryParam("search") String search,
                                        @QueryParam("sort") String sort,
                                        @QueryParam("pageSize") @DefaultValue("25") int pageSize,
                                        @QueryParam("cursor") String cursor) {
        Page<CustomerUser> page = directory.findUsers(PartnerCenterGateway.newId(), customerId, search,
                UserOrder.parse(sort), pageSize, cursor);
        return new PageJson<>(page.items(), page.nextCursor());
    }

    /** Partner Center's deleted users of the customer (restorable for 30 days after {@code softDeletionTime}). */
    @GET
    @Path("{customerId}/deleted-users")
    public PageJson<CustomerUser> deletedUsers(@PathParam("customerId") String customerId,
                                               @QueryParam("search") String search,
                                               @QueryParam("pageSize") @DefaultValue("25") int pageSize,
                                               @QueryParam("cursor") String cursor) {
        Page<CustomerUser> page = directory.findDeletedUsers(PartnerCenterGateway.newId(), customerId, search, pageSize,
                cursor);
        return new PageJson<>(page.items(), page.nextCursor());
    }

    /** Restores a deleted user (PATCH {@code state: active}, audited like an edit); answers the user and the ids. */
    @POST
    @Path("{customerId}/deleted-users/{userId}/restore")
    public Response restore(@PathParam("customerId") String customerId, @PathParam("userId") String userId,
                            @HeaderParam(REASON_HEADER) String reason) {
        EditResult result = edits.restoreUser(caller.actor(), customerId, userId, reason);
        return Response.ok(result.user())
                .header("MS-CorrelationId", result.correlationId())
                .header("MS-RequestId", result.requestId())
                .build();
    }

    @GET
    @Path("{customerId}/users/{userId}")
    public CustomerUser user(@PathParam("customerId") String customerId, @PathParam("userId") String userId) {
        return directory.user(PartnerCenterGateway.newId(), customerId, userId);
    }

    /** The body is a Partner Center PATCH body (either casing); answers the updated user with the ids to quote. */
    @PATCH
    @Path("{customerId}/users/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("customerId") String customerId, @PathParam("userId") String userId,
                           @HeaderParam(REASON_HEADER) String reason, CustomerUser changes) {
        EditResult result = edits.updateUser(caller.actor(), customerId, userId, changes, reason);
        return Response.ok(result.user())
                .header("MS-CorrelationId", result.correlationId())
                .header("MS-RequestId", result.requestId())
                .build();
    }
}
