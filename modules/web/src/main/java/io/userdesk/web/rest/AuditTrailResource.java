package io.userdesk.web.rest;

import io.userdesk.audit.AuditCheckpoint;
import io.userdesk.audit.AuditQuery;
import io.userdesk.audit.AuditSigningKey;
import io.userdesk.audit.ChainVerification;
import io.userdesk.web.audit.AuditFilters;
import io.userdesk.web.audit.AuditReview;
import io.userdesk.web.edit.Actor;
import io.userdesk.web.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Integrity and export of the audit trail for reviewers' tooling: verify the chain, download a verifiable bundle,
 * fetch the public key that checks the bundle's signature.
 */
@Path("audit")
@RequestScoped
public class AuditTrailResource {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    @Inject
    AuditReview review;

    @Inject
    ApiCaller caller;

    /**
     * Checks the chain (whole, or {@code fromSeq..toSeq}) and every signed checkpoint in it.
     *
     * @return {@code {"valid", "eventsChecked", "firstInvalidEventId", "firstInvalidSeq", "reason"}}
     */
    @GET
    @Path("verify")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public String verify(@QueryParam("fromSeq") Long fromSeq, @QueryParam("toSeq") Long toSeq) {
        ChainVerification result = review.verify(caller.actor(), fromSeq, toSeq);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("valid", result.valid())
                .add("eventsChecked", result.eventsChecked());
        if (result.firstInvalidEventId() == null) {
            json.addNull("firstInvalidEventId");
        } else {
            json.add("firstInvalidEventId", result.firstInvalidEventId().toString());
        }
        if (result.firstInvalidSeq() == null) {
            json.addNull("firstInvalidSeq").addNull("reason");
        } else {
            json.add("firstInvalidSeq", result.firstInvalidSeq()).add("reason", result.reason());
        }
        return json.build().toString();
    }

    /**
     * The whole filtered set (same filters as {@code /api/audit/events}) as one ZIP: events.jsonl, events.csv,
     * chain.csv and manifest.json, streamed. {@code java -jar userdesk.jar verify FILE} checks it offline.
     */
    @GET
    @Path("export")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Produces("application/zip")
    public Response export(@QueryParam("actor") List<String> actors,
                           @QueryParam("customer") String customer,
                           @QueryParam("user") String user,
                           @QueryParam("action") List<String> actions,
                           @QueryParam("outcome") String outcome,
                           @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        AuditQuery filters = AuditFilters.parse(actors, customer, user, actions, outcome, from, to).build();
        Actor reviewer = caller.actor();
        // recorded and signed before the first byte, so a failure there is still a clean problem+json answer
        AuditCheckpoint covering = review.prepareExport(reviewer, filters);
        StreamingOutput body = out -> review.stream(reviewer, filters, covering, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + fileName() + "\"")
                .build();
    }

    /**
     * The public key that checks checkpoint signatures, for anyone, signed in or not: it is public by nature, and an
     * auditor without a staff account must be able to fetch it to pin it with {@code userdesk.jar verify --public-key}.
     * It reveals nothing about the trail and signs nothing, so publishing it is not an audited read.
     */
    @GET
    @Path("public-key")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public String publicKey() {
        AuditSigningKey key = review.signingKey();
        return Json.createObjectBuilder()
                .add("algorithm", AuditSigningKey.ALGORITHM)
                .add("keyId", key.keyId())
                .add("publicKey", key.publicKeyBase64())
                .add("publicKeyPem", key.publicKeyPem())
                .build().toString();
    }

    /** @return e.g. userdesk-audit-20261126-154501.zip */
    public static String fileName() {
        return "userdesk-audit-" + FILE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".zip";
    }
}
