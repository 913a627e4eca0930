package io.userdesk.web.security;

import io.userdesk.client.PartnerCenterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

/**
 * The optional per-staff customer scope (a reseller's regional team sees only its customers). Out-of-scope customers
 * are left out of every list, and asking for one by id answers exactly like an id that does not exist (404 in the API,
 * "not found" in the UI), so a scoped agent cannot even learn which customers exist.
 *
 * <p>The caller is whoever the container authenticated for this request (session for pages, token for the API); a
 * caller without a built-in account (an external token issuer) has no scope.
 */
@ApplicationScoped
public class CustomerScope {

    @Inject
    HttpServletRequest request;

    @Inject
    StaffAccountRepository accounts;

    @Inject
    SecurityAudit audit;

    /** The caller's customer tenant ids, or an empty list for all customers. */
    public List<String> currentScope() {
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            return List.of();
        }
        return accounts.find(caller.getName()).map(StaffAccount::customerScope).orElse(List.of());
    }

    public boolean isVisible(List<String> scope, String customerId) {
        return scope.isEmpty() || customerId != null && scope.contains(customerId.toLowerCase(Locale.ROOT));
    }

    /** Throws the same not-found a missing customer gives, and audits the attempt, when the caller may not see it. */
    public void requireVisible(String customerId) {
        if (!isVisible(currentScope(), customerId)) {
            Principal caller = request.getUserPrincipal();
            audit.authorizationDenied(caller == null ? null : caller.getName(), List.of(), request.getMethod(),
                    "customer " + customerId, 404);
            throw new PartnerCenterException(404, null, null, "The customer was not found.");
        }
    }
}
