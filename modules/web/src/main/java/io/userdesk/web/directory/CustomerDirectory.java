package io.userdesk.web.directory;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.client.PartnerCenterGateway;
import io.userdesk.client.UserListing;
import jakarta.enterprise.context.ApplicationScoped;
import io.userdesk.web.security.CustomerScope;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds customers (by company name or domain) and their users (by display name or user principal name) in Partner
 * Center, one portal page at a time. Reads only; every call carries the caller's correlation id.
 */
@ApplicationScoped
public class CustomerDirectory {
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    PartnerCenterGateway partnerCenter;

    @Inject
    CustomerScope scope;

    public Page<Customer> findCustomers(String correlationId, String search, int pageSize, String cursor) {
        String needle = normalize(search);
        Predicate<Customer> matches = needle == null ? c -> true
                : c -> contains(c.companyName(), needle)
                        || (c.getCompanyProfile() != null && contains(c.getCompanyProfile().getDomain(), needle))
                        || (c.getCustomDomains() != null && c.getCustomDomains().stream().anyMatch(d -> contains(d, needle)));
        List<String> visible = scope.currentScope();
        return PageScanner.scan((token, size) -> partnerCenter.listCustomers(correlationId, size, null, token),
                matches.and(c -> scope.isVisible(visible, c.getId())), needle != null || !visible.isEmpty(),
                clamp(pageSize), cursor);
    }

    public Page<CustomerUser> findUsers(String correlationId, String customerId, String search, int pageSize, String cursor) {
        return findUsers(correlationId, customerId, search, UserOrder.DEFAULT, pageSize, cursor);
    }

    /** Active users matching the search (display name or UPN), in the order Partner Center sorts them. */
    public Page<CustomerUser> findUsers(String correlationId, String customerId, String search, UserOrder order,
                                        int pageSize, String cursor) {
        return scanUsers(correlationId, customerId, search, (order == null ? UserOrder.DEFAULT : order).activeUsers(),
                pageSize, cursor);
    }

    /** Deleted users (Partner Center's deleted-users filter) matching the search; restorable for 30 days. */
    public Page<CustomerUser> findDeletedUsers(String correlationId, String customerId, String search, int pageSize,
                                               String cursor) {
        return scanUsers(correlationId, customerId, search, UserListing.DELETED, pageSize, cursor);
    }

    private Page<CustomerUser> scanUsers(String correlationId, String customerId, String search, UserListing listing,
                                         int pageSize, String cursor) {
        scope.requireVisible(customerId);
        String needle = normalize(search);
        Predicate<CustomerUser> matches = needle == null ? u -> true
                : u -> contains(u.getDisplayName(), needle) || contains(u.getUserPrincipalName(), needle);
        return PageScanner.scan((token, size) -> partnerCenter.listUsers(correlationId, customerId, size, listing, token),
                matches, needle != null, clamp(pageSize), cursor);
    }

    public Customer customer(String correlationId, String customerId) {
        scope.requireVisible(customerId);
        return partnerCenter.getCustomer(correlationId, customerId);
    }

    public CustomerUser user(String correlationId, String customerId, String userId) {
        scope.requireVisible(customerId);
        CustomerUser user = partnerCenter.getUser(correlationId, customerId, userId);
        user.setPasswordProfile(null);
        return user;
    }

    static int clamp(int pageSize) {
        if (pageSize < 1) {
            return 25;
        }
        return Math.min(pageSize, MAX_PAGE_SIZE);
    }

    private static String normalize(String search) {
        return search == null || search.isBlank() ? null : search.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
