package io.userdesk.web.view;

import io.userdesk.audit.AuditEventType;
import io.userdesk.audit.AuditOutcome;
import io.userdesk.audit.AuditPage;
import io.userdesk.audit.AuditQuery;
import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.audit.ChainVerification;
import io.userdesk.web.audit.AuditFilters;
import io.userdesk.web.audit.AuditReview;
import io.userdesk.web.directory.Page;
import io.userdesk.web.i18n.Texts;
import io.userdesk.web.rest.AuditTrailResource;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reviewer's audit list: newest first, filtered by actors, customer, user, action, outcome and time range (shown
 * as removable chips), keyset-paged, with "verify the chain" and "export what matches" beside it.
 */
@Named
@ViewScoped
public class AuditLogBacking extends CursorPagedList<AuditEventView> {
    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;

    /** One active filter, shown as a chip the reviewer can remove. */
    public record Chip(String key, String label) {
        public String getKey() { return key; }
        public String getLabel() { return label; }
        /** What a screen reader announces for the chip's × button. */
        public String getRemoveLabel() { return Texts.get("audit.chip.removeLabel", label); }
    }

    @Inject
    transient AuditReview review;

    @Inject
    CurrentStaff currentStaff;

    private String actors;
    private String customer;
    private String user;
    private String action;
    private String outcome;
    private String from;
    private String to;
    private boolean loaded;
    private String verifyResult;
    private boolean verifyValid;

    public void load() {
        if (!loaded) {
            loaded = true;
            firstPage();
        }
    }

    public void filter() {
        firstPage();
    }

    public void clearFilters() {
        actors = null;
        customer = null;
        user = null;
        action = null;
        outcome = null;
        from = null;
        to = null;
        firstPage();
    }

    /** Removes one filter (a chip's × button) and shows the first page again. */
    public void removeFilter(String key) {
        switch (key) {
            case "customer" -> customer = null;
            case "user" -> user = null;
            case "action" -> action = null;
            case "outcome" -> outcome = null;
            case "from" -> from = null;
            case "to" -> to = null;
            default -> {
                if (key.startsWith("actor:")) {
                    String removed = key.substring("actor:".length());
                    List<String> rest = new ArrayList<>(AuditFiltersText.actors(actors));
                    rest.remove(removed);
                    actors = rest.isEmpty() ? null : String.join(", ", rest);
                }
            }
        }
        firstPage();
    }

    public List<Chip> getChips() {
        List<Chip> chips = new ArrayList<>();
        for (String actor : AuditFiltersText.actors(actors)) {
            chips.add(new Chip("actor:" + actor, Texts.get("audit.chip.actor", actor)));
        }
        addChip(chips, "customer", customer);
        addChip(chips, "user", user);
        addChip(chips, "action", action);
        addChip(chips, "outcome", outcome);
        addChip(chips, "from", from);
        addChip(chips, "to", to);
        return chips;
    }

    private static void addChip(List<Chip> chips, String key, String value) {
        if (value != null && !value.isBlank()) {
            chips.add(new Chip(key, Texts.get("audit.chip." + key, value.strip())));
        }
    }

    /** Checks the whole chain and shows the first bad event, if any. */
    public void verify() {
        try {
            ChainVerification result = review.verify(currentStaff.actor(), null, null);
            verifyValid = result.valid();
            if (result.valid()) {
                verifyResult = Texts.get("audit.verify.intact", String.valueOf(result.eventsChecked()));
            } else if (result.firstInvalidEventId() == null) {
                verifyResult = Texts.get("audit.verify.broken", String.valueOf(result.firstInvalidSeq()), result.reason());
            } else {
                verifyResult = Texts.get("audit.verify.brokenWithId", String.valueOf(result.firstInvalidSeq()),
                        String.valueOf(result.firstInvalidEventId()), result.reason());
            }
        } catch (AuditUnavailableException e) {
            verifyValid = false;
            verifyResult = Texts.get("audit.verify.unavailable");
        }
    }

    /** Streams every event that matches the filters (all pages) as a verifiable ZIP bundle. */
    public void export() {
        AuditQuery filters;
        try {
            filters = query().build();
        } catch (IllegalArgumentException e) {
            Messages.error(e.getMessage(), null);
            return;
        }
        io.userdesk.audit.AuditCheckpoint covering;
        try {
            covering = review.prepareExport(currentStaff.actor(), filters);
        } catch (AuditUnavailableException | IllegalStateException e) {
            Messages.error(Texts.get("audit.exportUnavailable"), Texts.get("common.tryLaterOrAdmin"));
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/zip");
        external.setResponseHeader("Content-Disposition",
                "attachment; filename=\"" + AuditTrailResource.fileName() + "\"");
        try (OutputStream out = external.getResponseOutputStream()) {
            review.stream(currentStaff.actor(), filters, covering, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be sent", e);
        }
        faces.responseComplete();
    }

    private AuditQuery.Builder query() {
        return AuditFilters.parse(AuditFiltersText.actors(actors), customer, user,
                action == null || action.isBlank() ? List.of() : List.of(action), outcome, from, to);
    }

    @Override
    protected Page<AuditEventView> fetch(String cursor) {
        AuditPage page = review.search(currentStaff.actor(), query().pageSize(PAGE_SIZE).cursor(cursor).build());
        return new Page<>(AuditEventView.of(page.items()), page.nextCursor());
    }

    @Override
    protected void onFailure(RuntimeException e) {
        if (e instanceof AuditUnavailableException || e instanceof IllegalStateException) {
            Messages.error(Texts.get("audit.unavailable"), Texts.get("common.tryLaterOrAdmin"));
        } else if (e instanceof IllegalArgumentException) {
            Messages.error(e.getMessage(), null);
        } else {
            throw e;
        }
    }

    /** The event types to filter by: the stored name as value, in words as label. */
    public List<SelectItem> getActions() {
        return Arrays.stream(AuditEventType.values())
                .map(type -> new SelectItem(type.name(), Texts.getOrDefault("audit.action." + type.name(), type.name())))
                .toList();
    }

    /** The outcomes to filter by: the stored name as value, in the viewer's language as label. */
    public List<SelectItem> getOutcomes() {
        return Arrays.stream(AuditOutcome.values())
                .map(outcome -> new SelectItem(outcome.name(), Texts.getOrDefault("audit.outcome." + outcome.name(), outcome.name())))
                .toList();
    }

    public String getActors() { return actors; }
    public void setActors(String actors) { this.actors = actors; }
    public String getCustomer() { return customer; }
    public void setCustomer(String customer) { this.customer = customer; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getVerifyResult() { return verifyResult; }
    public boolean isVerifyValid() { return verifyValid; }
    public List<AuditEventView> getEvents() { return items(); }

    /** Splits the comma-separated staff field. */
    static final class AuditFiltersText {
        private AuditFiltersText() {
        }

        static List<String> actors(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        }
    }
}
