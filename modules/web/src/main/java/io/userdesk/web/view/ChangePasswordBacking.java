package io.userdesk.web.view;

import io.userdesk.audit.AuditUnavailableException;
import io.userdesk.web.i18n.Texts;
import io.userdesk.web.security.PortalAuthenticationMechanism;
import io.userdesk.web.security.StaffAdministration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * A staff member sets their own password: required at the first sign-in of a bootstrap admin or after an admin reset,
 * and available at any time. Until it is done every other page sends them here.
 */
@Named
@RequestScoped
public class ChangePasswordBacking {

    @Inject
    StaffAdministration administration;

    @Inject
    CurrentStaff currentStaff;

    private String current;
    private String newPassword;
    private String confirmation;

    public boolean isRequired() {
        return FacesContext.getCurrentInstance().getExternalContext().getSessionMap()
                .containsKey(PortalAuthenticationMechanism.MUST_CHANGE_PASSWORD_ATTRIBUTE);
    }

    public void change() throws IOException {
        try {
            administration.changeOwnPassword(currentStaff.changedBy(), current, newPassword, confirmation);
        } catch (StaffAdministration.Refused e) {
            Messages.fieldError(e.field() == null ? null : "passwordForm:" + e.field(), Messages.refusal(e));
            return;
        } catch (AuditUnavailableException e) {
            Messages.error(Texts.get("password.auditFailed"), Texts.get("password.auditFailedDetail"));
        } finally {
            current = null;
            newPassword = null;
            confirmation = null;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getSessionMap().remove(PortalAuthenticationMechanism.MUST_CHANGE_PASSWORD_ATTRIBUTE);
        external.getFlash().setKeepMessages(true);
        Messages.info(Texts.get("password.changed"), null);
        external.redirect(external.getRequestContextPath() + "/index.xhtml");
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
