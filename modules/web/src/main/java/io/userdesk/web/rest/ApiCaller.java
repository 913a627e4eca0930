package io.userdesk.web.rest;

import io.userdesk.web.edit.Actor;
import io.userdesk.web.security.StaffAccount;
import io.userdesk.web.security.StaffAccountRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of an API request, from its token, as an {@link Actor} for the audit. */
@RequestScoped
public class ApiCaller {

    @Inject
    JsonWebToken token;

    @Inject
    HttpServletRequest request;

    @Inject
    StaffAccountRepository accounts;

    public Actor actor() {
        String username = token.getName();
        String displayName = accounts.find(username).map(StaffAccount::displayName).orElse(username);
        List<String> roles = new ArrayList<>(token.getGroups());
        roles.sort(null);
        return new Actor(username, displayName, roles, request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
