package io.userdesk.emulator.http;

import io.userdesk.emulator.requestlog.RecordedRequest;
import io.userdesk.emulator.requestlog.RequestLog;
import io.userdesk.emulator.seed.SeedFixture;
import io.userdesk.emulator.state.PartnerCenterState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import io.userdesk.emulator.faults.FaultPlan;
import io.userdesk.emulator.faults.FaultRule;
import io.userdesk.emulator.oauth.TokenIssuer;
import io.userdesk.emulator.state.PartnerCenterFault;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/**
 * Test controls under {@code /partner-center/_emulator/}: read and clear the request log, and reset the data to the
 * seed fixture, so integration tests can start from a known state and assert what their client really sent.
 *
 * <ul>
 *   <li>{@code GET requests[?since=<seq>]}: the recorded {@code /v1} calls, oldest first, as a JSON array.</li>
 *   <li>{@code DELETE requests}: forget them (204).</li>
 *   <li>{@code POST reset}: reseed customers and users from the fixture, clear the log and every fault, forget issued
 *       tokens (204).</li>
 *   <li>{@code POST faults} with a {@link FaultRule} JSON ({@code method}, {@code path} glob such as
 *       {@code /v1/customers/&#42;/users/&#42;}, {@code kind} LATENCY|THROTTLE|ERROR|HANG|DROP|MALFORMED,
 *       {@code status}, {@code retryAfterSeconds}, {@code delayMs}, {@code times}): inject a fault (201, the rule);
 *       {@code GET faults}: the active ones; {@code DELETE faults}: clear them (204).</li>
 *   <li>{@code POST tokens/expire}: every App+User token issued so far expires now (204); {@code GET tokens}:
 *       {@code {"issued":n,"lifetimeSeconds":s}}; {@code PUT tokens/lifetime?seconds=s} for tokens issued later.</li>
 * </ul>
 *
 * <p>These endpoints have <strong>no authentication</strong>: they are a local test tool. They exist only when MP
 * Config {@code emulator.admin.enabled=true}; by default every one answers 404, so a demo or shared emulator cannot
 * be reset or read by accident.
 */
@RequestScoped
@Path("/_emulator")
@Produces(FaultResponses.JSON_UTF8)
public class EmulatorAdminResource {

    @Inject
    EmulatorSettings settings;

    @Inject
    RequestLog requestLog;

    @Inject
    PartnerCenterState state;

    @GET
    @Path("requests")
    public List<RecordedRequest> requests(@QueryParam("since") Long since) {
        requireEnabled();
        return requestLog.since(since == null ? 0 : since);
    }

    @DELETE
    @Path("requests")
    public Response clearRequests() {
        requireEnabled();
        requestLog.clear();
        return Response.noContent().build();
    }

    @Inject
    FaultPlan faults;

    @Inject
    TokenIssuer tokens;

    @Inject
    IdempotentUpdates idempotentUpdates;

    @POST
    @Path("reset")
    public Response reset() {
        requireEnabled();
        state.reset(SeedFixture.loadBundled());
        requestLog.clear();
        faults.clear();
        tokens.reset();
        idempotentUpdates.clear();
        return Response.noContent().build();
    }

    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addFault(FaultRule rule) {
        requireEnabled();
        if (rule == null) {
            throw PartnerCenterFault.invalidRequestInput("body: a fault rule is required.");
        }
        try {
            return Response.status(201).entity(faults.add(rule)).build();
        } catch (IllegalArgumentException e) {
            throw PartnerCenterFault.invalidRequestInput(e.getMessage());
        }
    }

    @GET
    @Path("faults")
    public List<FaultRule> faults() {
        requireEnabled();
        return faults.rules();
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        requireEnabled();
        faults.clear();
        return Response.noContent().build();
    }

    @GET
    @Path("tokens")
    public String tokens() {
        requireEnabled();
        return Json.createObjectBuilder().add("issued", tokens.issuedCount())
                .add("lifetimeSeconds", tokens.lifetime().toSeconds()).build().toString();
    }

    @POST
    @Path("tokens/expire")
    public Response expireTokens() {
        requireEnabled();
        tokens.expireAll();
        return Response.noContent().build();
    }

    @PUT
    @Path("tokens/lifetime")
    public Response tokenLifetime(@QueryParam("seconds") Long seconds) {
        requireEnabled();
        if (seconds == null || seconds < 1) {
            throw PartnerCenterFault.invalidRequestInput("seconds: a positive number of seconds is required.");
        }
        tokens.lifetime(Duration.ofSeconds(seconds));
        return Response.noContent().build();
    }

    private void requireEnabled() {
        if (!settings.adminEnabled()) {
            throw new NotFoundException();
        }
    }
}
