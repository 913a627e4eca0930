package io.userdesk.web.view;

import io.userdesk.web.i18n.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import io.userdesk.web.security.OidcSignIn;
import io.userdesk.web.security.PortalAuthenticationMechanism;
import java.io.IOException;

/**
 * The sign-in form: hands the credentials to Jakarta Security and goes back to the page the person wanted; also shows
 * what single sign-on left to say (a refusal).
 */
@Named
@RequestScoped
public class SignInBacking {

    @Inject
    SecurityContext securityContext;

    private String notice;
    private boolean noticeRead;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.trim(),
                                password == null ? "" : password)));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + safeNext());
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else {
            Messages.fieldError(null, Texts.get("signin.failed"));
        }
    }

    private String safeNext() {
        return PortalAuthenticationMechanism.safeLocalPath(next);
    }

    /** A one-time message left by single sign-on (e.g. no group gives a role); shown once, then gone. */
    public String getNotice() {
        if (!noticeRead) {
            noticeRead = true;
            HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
            if (session != null) {
                if (session.getAttribute(OidcSignIn.NOTICE_ATTRIBUTE) instanceof String[] keyAndArguments
                        && keyAndArguments.length > 0) {
                    notice = io.userdesk.web.i18n.Texts.get(keyAndArguments[0],
                            (Object[]) java.util.Arrays.copyOfRange(keyAndArguments, 1, keyAndArguments.length));
                }
                session.removeAttribute(OidcSignIn.NOTICE_ATTRIBUTE);
            }
        }
        return notice;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
