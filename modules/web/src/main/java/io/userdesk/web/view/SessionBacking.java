package io.userdesk.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Sign-out and the home page's choice of where each role starts. */
@Named
@RequestScoped
public class SessionBacking {

    @Inject
    CurrentStaff currentStaff;

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/signin.xhtml?signedOut=true");
    }

    /** Agents start at customers, reviewers at the audit trail. */
    public void goHome() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath()
                + (currentStaff.isCanEdit() ? "/customers/index.xhtml" : "/audit/index.xhtml"));
    }
}
