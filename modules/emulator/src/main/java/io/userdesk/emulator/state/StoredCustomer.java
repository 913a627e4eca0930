package io.userdesk.emulator.state;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerCompanyProfile;
import io.userdesk.api.model.Link;
import io.userdesk.api.model.ResourceAttributes;
import io.userdesk.api.model.ResourceLinks;
import io.userdesk.emulator.seed.SeedCustomer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer as the emulator keeps it, with its users in fixture order (the default list order). It never leaves
 * {@link PartnerCenterState}: callers get {@link Customer} copies.
 */
final class StoredCustomer {
    static final String RELATIONSHIP = "reseller";

    final String id;
    final String companyName;
    final String domain;
    final List<String> customDomains;
    final boolean allowDelegatedAccess;
    final List<StoredUser> users = new ArrayList<>();
    final Map<String, StoredUser> usersById = new LinkedHashMap<>();

    private StoredCustomer(String id, String companyName, String domain, List<String> customDomains,
                           boolean allowDelegatedAccess) {
        this.id = id;
        this.companyName = companyName;
        this.domain = domain;
        this.customDomains = List.copyOf(customDomains);
        this.allowDelegatedAccess = allowDelegatedAccess;
    }

    static StoredCustomer fromSeed(SeedCustomer seed, java.time.Instant seededAt) {
        StoredCustomer customer = new StoredCustomer(PartnerCenterState.normalizeId(seed.id), seed.companyName, seed.domain,
                seed.customDomains == null ? List.of() : seed.customDomains, seed.allowDelegatedAccess);
        for (var seedUser : seed.users) {
            StoredUser user = StoredUser.fromSeed(seedUser, seededAt);
            if (customer.usersById.put(user.id, user) != null) {
                throw new IllegalStateException("Duplicate user id " + user.id + " in customer " + customer.id);
            }
            customer.users.add(user);
        }
        return customer;
    }

    StoredUser user(String userId) {
        return usersById.get(PartnerCenterState.normalizeId(userId));
    }

    /** The customer as a list item: no {@code allowDelegatedAccess}, which only get-by-id carries (reference §1.3). */
    Customer toListItem() {
        Customer customer = new Customer();
        customer.setId(id);
        CustomerCompanyProfile profile = new CustomerCompanyProfile();
        profile.setTenantId(id);
        profile.setDomain(domain);
        profile.setCompanyName(companyName);
        profile.setAttributes(ResourceAttributes.of(CustomerCompanyProfile.OBJECT_TYPE));
        customer.setCompanyProfile(profile);
        customer.setRelationshipToPartner(RELATIONSHIP);
        customer.setCustomDomains(customDomains);
        customer.setLinks(new ResourceLinks(Link.get("/customers/" + id)));
        customer.setAttributes(ResourceAttributes.of(Customer.OBJECT_TYPE));
        return customer;
    }

    /** The customer as get-by-id returns it: the list item plus {@code allowDelegatedAccess}. */
    Customer toDetail() {
        Customer customer = toListItem();
        customer.setAllowDelegatedAccess(allowDelegatedAccess);
        return customer;
    }
}
