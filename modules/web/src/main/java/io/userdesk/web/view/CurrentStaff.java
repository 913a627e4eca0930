package io.userdesk.web.view;

import io.userdesk.web.edit.Actor;
import io.userdesk.web.security.PortalAuthenticationMechanism;
import io.userdesk.web.security.Roles;
import io.userdesk.web.security.SignedInStaff;
import io.userdesk.web.security.StaffAdministration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The signed-in staff member as pages need them: name, roles for menus, and the audit's {@link Actor}. */
@Named
@RequestScoped
public class CurrentStaff {

    @Inject
    HttpServletRequest request;

    public SignedInStaff staff() {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SignedInStaff) session.getAttribute(PortalAuthenticationMechanism.SESSION_ATTRIBUTE);
    }

    public boolean isSignedIn() {
        return staff() != null;
    }

    public String getDisplayName() {
        SignedInStaff staff = staff();
        return staff == null ? "" : staff.displayName();
    }

    public String getUsername() {
        SignedInStaff staff = staff();
        return staff == null ? "" : staff.username();
    }

    /** Signed in with a built-in account's password (single sign-on users change their password at the provider). */
    public boolean isPasswordSignIn() {
        SignedInStaff staff = staff();
        return staff != null && SignedInStaff.PASSWORD.equals(staff.method());
    }

    public String getRoleList() {
        SignedInStaff staff = staff();
        return staff == null ? "" : String.join(", ", staff.roles());
    }

    public boolean isCanEdit() {
        return request.isUserInRole(Roles.AGENT) || request.isUserInRole(Roles.ADMIN);
    }

    public boolean isCanReview() {
        return request.isUserInRole(Roles.REVIEWER) || request.isUserInRole(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return request.isUserInRole(Roles.ADMIN);
    }

    /** The signed-in staff member as the author of a staff-account change. */
    public StaffAdministration.ChangedBy changedBy() {
        SignedInStaff staff = staff();
        return new StaffAdministration.ChangedBy(staff.username(), staff.displayName(), staff.roles());
    }

    public Actor actor() {
        SignedInStaff staff = staff();
        String ip = request.getRemoteAddr();
        return new Actor(staff.username(), staff.displayName(), staff.roles(), ip,
                request.getHeader("User-Agent"));
    }
}
