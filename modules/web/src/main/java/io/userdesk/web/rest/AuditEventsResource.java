package io.userdesk.web.rest;

import io.userdesk.audit.AuditPage;
import io.userdesk.web.audit.AuditFilters;
import io.userdesk.web.audit.AuditReview;
import io.userdesk.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The audit trail for reviewers' tooling: newest first, filtered, keyset-paged. Read-only by construction; every
 * read is itself recorded as an {@code AUDIT_READ} event.
 */
@Path("audit/events")
@RequestScoped
@RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    @Inject
    AuditReview review;

    @Inject
    ApiCaller caller;

    /**
     * Filters: {@code actor} (id or name; repeat it or separate by commas for several), {@code customer} or
     * {@code customerId} (id or name), {@code user} or {@code userId} (id or UPN), {@code action} (event type,
     * repeatable), {@code outcome}, {@code from}, {@code to} (ISO-8601 instant or date; {@code to} exclusive).
     */
    @GET
    public String events(@QueryParam("actor") List<String> actors,
                         @QueryParam("customer") String customer,
                         @QueryParam("customerId") String customerId,
                         @QueryParam("user") String user,
                         @QueryParam("userId") String userId,
                         @QueryParam("action") List<String> actions,
                         @QueryParam("outcome") String outcome,
                         @QueryParam("from") String from,
                         @QueryParam("to") String to,
                         @QueryParam("pageSize") @DefaultValue("50") int pageSize,
                         @QueryParam("cursor") String cursor) {
        AuditPage page = review.search(caller.actor(), AuditFilters.parse(actors, firstOf(customer, customerId),
                firstOf(user, userId), actions, outcome, from, to).pageSize(pageSize).cursor(cursor).build());
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(e -> items.add(AuditEventJson.of(e)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("items", items);
        if (page.nextCursor() != null) {
            json.add("nextCursor", page.nextCursor());
        }
        return json.build().toString();
    }

    @GET
    @Path("{seq}")
    public String event(@PathParam("seq") long seq) {
        return review.open(caller.actor(), seq).map(e -> AuditEventJson.of(e).toString())
                .orElseThrow(() -> new NotFoundException("No audit event " + seq));
    }

    static String firstOf(String preferred, String alternative) {
        return preferred != null && !preferred.isBlank() ? preferred : alternative;
    }
}
