package io.userdesk.emulator.state;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.Link;
import io.userdesk.api.model.ResourceAttributes;
import io.userdesk.api.model.ResourceLinks;
import io.userdesk.emulator.seed.SeedUser;
import java.time.Instant;

/**
 * A user as the emulator keeps it. It is mutable and never leaves {@link PartnerCenterState}: callers get
 * {@link #toResource(String)} copies. A password is never kept, only the fact and time of its last reset and
 * whether the user must change it at next sign-in.
 */
final class StoredUser {
    static final String ACTIVE = CustomerUser.STATE_ACTIVE;
    static final String INACTIVE = CustomerUser.STATE_INACTIVE;
    static final String USER_DOMAIN_TYPE = "none";

    final String id;
    String userPrincipalName;
    String firstName;
    String lastName;
    String displayName;
    String usageLocation;
    String immutableId;
    String phoneNumber;
    String state;
    String softDeletionTime;
    Instant passwordResetAt;
    boolean forceChangePasswordAtNextSignIn;

    StoredUser(String id) {
        this.id = id;
    }

    /** @param seededAt when the state is seeded; a relative deletion time ({@code deletedDaysAgo}) counts back from it */
    static StoredUser fromSeed(SeedUser seed, java.time.Instant seededAt) {
        StoredUser user = new StoredUser(PartnerCenterState.normalizeId(seed.id));
        user.userPrincipalName = seed.userPrincipalName;
        user.firstName = seed.firstName;
        user.lastName = seed.lastName;
        user.displayName = seed.displayName;
        user.usageLocation = seed.usageLocation;
        user.state = seed.state == null ? ACTIVE : seed.state;
        user.softDeletionTime = seed.softDeletionTime != null || seed.deletedDaysAgo == null ? seed.softDeletionTime
                : java.time.format.DateTimeFormatter.ISO_INSTANT.format(seededAt
                        .minus(java.time.Duration.ofDays(seed.deletedDaysAgo)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        return user;
    }

    boolean isActive() {
        return ACTIVE.equals(state);
    }

    /** The user as Partner Center returns it: absent values stay absent, with the self link and object type. */
    CustomerUser toResource(String customerId) {
        CustomerUser resource = new CustomerUser();
        resource.setUsageLocation(usageLocation);
        resource.setId(id);
        resource.setUserPrincipalName(userPrincipalName);
        resource.setFirstName(firstName);
        resource.setLastName(lastName);
        resource.setDisplayName(displayName);
        resource.setImmutableId(immutableId);
        resource.setPhoneNumber(phoneNumber);
        resource.setUserDomainType(USER_DOMAIN_TYPE);
        resource.setState(state);
        resource.setSoftDeletionTime(softDeletionTime);
        resource.setLinks(new ResourceLinks(Link.get("/customers/" + customerId + "/users/" + id)));
        resource.setAttributes(ResourceAttributes.of(CustomerUser.OBJECT_TYPE));
        return resource;
    }
}
