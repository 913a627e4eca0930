package io.userdesk.web.view;

import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.web.i18n.Dates;
import io.userdesk.web.i18n.Texts;
import io.userdesk.web.security.Roles;
import io.userdesk.web.security.StaffAccount;
import io.userdesk.web.security.StaffAdministration;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin pages for staff accounts: the list with a form to create one ({@code /admin/staff.xhtml}) and one
 * account's roles, scope, status and password ({@code /admin/account.xhtml?username=…}). Every action goes through
 * {@link StaffAdministration}, which validates and audits it.
 */
@Named
@ViewScoped
public class StaffAccountsBacking implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    StaffAdministration administration;

    @Inject
    CurrentStaff currentStaff;

    private String username;
    private String displayName;
    private List<String> roles = new ArrayList<>();
    private String scope;
    private String password;
    private StaffAccount account;

    /** One row of the list, as JavaBean getters (EL cannot read record accessors). */
    public static final class Row {
        private final StaffAccount account;

        Row(StaffAccount account) {
            this.account = account;
        }

        public String getUsername() { return account.username(); }
        public String getDisplayName() { return account.displayName(); }
        public String getRoles() { return String.join(", ", account.roles()); }
        public String getScope() {
            return account.scoped() ? Texts.get("staff.scope.count", account.customerScope().size()) : Texts.get("staff.scope.all");
        }
        public String getStatus() { return status(account); }
    }

    public List<Row> getAccounts() {
        return administration.all().stream().map(Row::new).toList();
    }

    /** The roles to tick: the role's name as value (what is stored and audited), what it allows as label. */
    public List<SelectItem> getAllRoles() {
        return Roles.ALL.stream().map(role -> new SelectItem(role, Texts.getOrDefault("role." + role, role))).toList();
    }

    /** View action of the account page: loads the account named by the view parameter. */
    public void load() {
        account = username == null ? null : administration.find(username).orElse(null);
        if (account == null) {
            Messages.error(Texts.get("staff.notFound", username == null ? "" : username), null);
            return;
        }
        displayName = account.displayName();
        roles = new ArrayList<>(account.roles());
        scope = String.join("\n", account.customerScope());
    }

    public void create() {
        run("createForm", () -> administration.create(currentStaff.changedBy(), username, displayName, roles, scope, password),
                Texts.get("staff.created", username));
        if (!jakarta.faces.context.FacesContext.getCurrentInstance().isValidationFailed()) {
            username = null;
            displayName = null;
            roles = new ArrayList<>();
            scope = null;
        }
    }

    public void save() {
        run("accountForm", () -> administration.update(currentStaff.changedBy(), username, displayName, roles, scope),
                Texts.get("staff.saved"));
        reload();
    }

    public void disable() {
        run("statusForm", () -> administration.setEnabled(currentStaff.changedBy(), username, false),
                Texts.get("staff.disabledMessage", username));
        reload();
    }

    public void enable() {
        run("statusForm", () -> administration.setEnabled(currentStaff.changedBy(), username, true), Texts.get("staff.enabledMessage", username));
        reload();
    }

    public void unlock() {
        run("statusForm", () -> administration.unlock(currentStaff.changedBy(), username), Texts.get("staff.unlocked", username));
        reload();
    }

    public void resetPassword() {
        run("passwordForm", () -> administration.resetPassword(currentStaff.changedBy(), username, password),
                Texts.get("staff.passwordReset", username));
        reload();
    }

    private void run(String form, Runnable change, String success) {
        try {
            change.run();
            Messages.info(success, null);
        } catch (StaffAdministration.Refused e) {
            Messages.fieldError(e.field() == null ? null : form + ":" + e.field(), Messages.refusal(e));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        } catch (AuditUnavailableException e) {
            Messages.error(Texts.get("staff.auditFailed"), Texts.get("staff.auditFailedDetail"));
        } finally {
            password = null;
        }
    }

    private void reload() {
        String keep = username;
        account = administration.find(keep).orElse(null);
        if (account != null && !jakarta.faces.context.FacesContext.getCurrentInstance().isValidationFailed()) {
            displayName = account.displayName();
            roles = new ArrayList<>(account.roles());
            scope = String.join("\n", account.customerScope());
        }
    }

    static String status(StaffAccount account) {
        List<String> parts = new ArrayList<>();
        parts.add(Texts.get(account.enabled() ? "staff.status.enabled" : "staff.status.disabled"));
        if (account.lockedAt(Instant.now())) {
            parts.add(Texts.get("staff.status.lockedUntil", Dates.format(account.lockedUntil())));
        } else if (account.failedSignIns() > 0) {
            parts.add(Texts.get("staff.status.failedSignIns", account.failedSignIns()));
        }
        if (account.mustChangePassword()) {
            parts.add(Texts.get("staff.status.mustChange"));
        }
        return String.join(", ", parts);
    }

    public boolean isFound() { return account != null; }
    public boolean isEnabled() { return account != null && account.enabled(); }
    public boolean isLocked() { return account != null && (account.lockedAt(Instant.now()) || account.failedSignIns() > 0); }
    public String getStatus() { return account == null ? "" : status(account); }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
