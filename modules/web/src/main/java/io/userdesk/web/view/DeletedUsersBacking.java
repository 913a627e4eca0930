package io.userdesk.web.view;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.web.directory.CustomerDirectory;
import io.userdesk.web.directory.Page;
import io.userdesk.web.edit.EditResult;
import io.userdesk.web.edit.UserEditService;
import io.userdesk.web.i18n.Dates;
import io.userdesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * A customer's deleted users, as Partner Center's "Deleted users" view lists them (the {@code UserState = Inactive}
 * filter), with restore: Partner Center keeps a deleted user for 30 days, and a PATCH with {@code state: "active"}
 * within that window brings it back. Restoring is a change like any other, so it is confirmed in a dialog first and
 * goes through {@link UserEditService} (attempt audited before the PATCH, then the outcome).
 */
@Named
@ViewScoped
public class DeletedUsersBacking extends CustomerUserList<DeletedUserRow> {
    private static final long serialVersionUID = 1L;

    @Inject
    transient UserEditService edits;

    @Inject
    CurrentStaff currentStaff;

    private DeletedUserRow selected;
    private String reason;
    private EditResult restored;

    @Override
    protected Page<DeletedUserRow> fetch(String cursor) {
        Page<CustomerUser> page = directory.findDeletedUsers(PartnerCenterGateway.newId(), customerId, search, PAGE_SIZE, cursor);
        Clock clock = Clock.systemUTC();
        return new Page<>(page.items().stream()
                .map(user -> DeletedUserRow.of(user, clock, Texts.currentLocale(), Dates.viewerZone())).toList(), page.nextCursor());
    }

    /** Remembers which user the confirm dialog is about and opens it. */
    public void confirmRestore(DeletedUserRow row) {
        selected = row;
        reason = null;
        restored = null;
        PrimeFaces.current().executeScript("PF('confirmRestore').show()");
    }

    public void restore() {
        if (selected == null) {
            return;
        }
        DeletedUserRow user = selected;
        try {
            restored = edits.restoreUser(currentStaff.actor(), customerId, user.getId(), reason);
            Messages.info(Texts.get("deletedUsers.restored", user.getDisplayName()),
                    Messages.correlation(restored.correlationId()));
            firstPage();
        } catch (RuntimeException e) {
            Messages.failure(e);
        } finally {
            selected = null;
            reason = null;
            PrimeFaces.current().executeScript("PF('confirmRestore').hide()");
        }
    }

    public List<DeletedUserRow> getUsers() { return items(); }
    public DeletedUserRow getSelected() { return selected; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public EditResult getRestored() { return restored; }
}
