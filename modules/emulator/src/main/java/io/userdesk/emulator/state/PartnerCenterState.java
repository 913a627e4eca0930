package io.userdesk.emulator.state;

import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.PasswordProfile;
import io.userdesk.api.validation.CustomerUserRules;
import io.userdesk.api.validation.FieldViolation;
import io.userdesk.emulator.seed.SeedCustomer;
import io.userdesk.emulator.seed.SeedFixture;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The emulated Partner Center: the partner's customers and their users, and the rules of the calls UserDesk makes
 * (reference §1.2 C1, C2, U1, U2, U4). It is plain Java so that every rule can be tested without a server; the
 * JAX-RS layer only translates HTTP to these methods and {@link PartnerCenterFault}s back to HTTP.
 *
 * <p>Thread-safe: reads share a lock, a PATCH or reset takes it exclusively, and nothing mutable is handed out
 * (every result is a fresh copy).
 *
 * <p>Decisions where the documentation is silent (reference marks them NOT FOUND), made to be strict rather than
 * lenient so that client bugs surface here rather than in production:
 * <ul>
 *   <li>A PATCH on a deleted user must restore it ({@code state: "active"}); other edits alone are rejected.</li>
 *   <li>{@code state: "inactive"} on an active user is rejected: users are deleted with DELETE, not by PATCH.</li>
 *   <li>A user principal name may not equal (ignoring case) that of any other active user of any customer.</li>
 *   <li>An empty first or last name clears it, so the property then disappears from responses.</li>
 * </ul>
 */
public class PartnerCenterState {
    private static final String CUSTOMERS_SCOPE = "customers";

    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Map<String, StoredCustomer> customers = new LinkedHashMap<>();

    /** An empty state on the system clock; {@link #reset(SeedFixture)} fills it. */
    public PartnerCenterState() {
        this(Clock.systemUTC());
    }

    public PartnerCenterState(Clock clock) {
        this.clock = clock;
    }

    public PartnerCenterState(SeedFixture seed, Clock clock) {
        this(clock);
        reset(seed);
    }

    /** Replaces everything with the fixture's customers and users, as on a fresh start. */
    public void reset(SeedFixture seed) {
        Map<String, StoredCustomer> fresh = new LinkedHashMap<>();
        java.time.Instant seededAt = clock.instant();
        for (SeedCustomer seedCustomer : seed.customers) {
            StoredCustomer customer = StoredCustomer.fromSeed(seedCustomer, seededAt);
            if (fresh.put(customer.id, customer) != null) {
                throw new IllegalStateException("Duplicate customer id " + customer.id + " in the seed fixture");
            }
        }
        lock.writeLock().lock();
        try {
            customers = fresh;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** C1: a page of customers, optionally those whose company name or domain starts with a prefix. */
    public Page<Customer> listCustomers(ListRequest request) {
        Paging.Position<CustomerSearch> position =
                Paging.resolve(CUSTOMERS_SCOPE, request, (filter, sortField, sortDirection) -> CustomerSearch.parse(filter));
        lock.readLock().lock();
        try {
            List<StoredCustomer> matching = customers.values().stream().filter(position.query()::matches).toList();
            Page<StoredCustomer> page = Paging.cut(matching, position, CUSTOMERS_SCOPE);
            return new Page<>(page.items().stream().map(StoredCustomer::toListItem).toList(), page.nextContinuationToken());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** C2: one customer, with {@code allowDelegatedAccess}; unknown ids give 404 / 60003. */
    public Customer getCustomer(String customerId) {
        lock.readLock().lock();
        try {
            return requireCustomer(customerId).toDetail();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** U1: a page of a customer's users; active ones unless the filter asks for the deleted ones. */
    public Page<CustomerUser> listUsers(String customerId, ListRequest request) {
        lock.readLock().lock();
        try {
            StoredCustomer customer = requireCustomer(customerId);
            String scope = "users:" + customer.id;
            Paging.Position<UserListQuery> position = Paging.resolve(scope, request, UserListQuery::parse);
            UserListQuery query = position.query();
            List<StoredUser> matching = new ArrayList<>(customer.users.stream()
                    .filter(user -> query.listedState().equals(user.state)).toList());
            Comparator<StoredUser> order = query.comparator();
            if (order != null) {
                matching.sort(order);
            }
            Page<StoredUser> page = Paging.cut(matching, position, scope);
            return new Page<>(page.items().stream().map(user -> user.toResource(customer.id)).toList(),
                    page.nextContinuationToken());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** U2: one user, deleted ones included (with {@code state: "inactive"}); 404 / 60003 or 60002 when unknown. */
    public CustomerUser getUser(String customerId, String userId) {
        lock.readLock().lock();
        try {
            StoredCustomer customer = requireCustomer(customerId);
            return requireUser(customer, userId).toResource(customer.id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * U4: applies a PATCH (reference §2.3). Omitted and null properties stay as they are, so the .NET SDK's full
     * object with nulls, {@code State: "active"} and {@code UserDomainType: "none"} changes only what it carries;
     * read-only properties ({@code id}, {@code userDomainType}, {@code links}, {@code attributes},
     * {@code lastDirectorySyncTime}, {@code softDeletionTime}) are ignored. The result is the whole updated user;
     * after a password reset it also echoes {@code passwordProfile}, as the documented reset response does.
     */
    public CustomerUser updateUser(String customerId, String userId, CustomerUser changes) {
        lock.writeLock().lock();
        try {
            StoredCustomer customer = requireCustomer(customerId);
            StoredUser user = requireUser(customer, userId);
            if (changes == null) {
                throw PartnerCenterFault.invalidRequestInput("body: a CustomerUser object is required.");
            }
            List<String> violations = new ArrayList<>();
            stateViolation(user, changes).ifPresent(violations::add);
            for (FieldViolation violation : CustomerUserRules.validateChanges(changes, customer.toListItem().allDomains())) {
                violations.add(violation.field() + ": " + violation.message());
            }
            if (!violations.isEmpty()) {
                throw PartnerCenterFault.invalidProperty(violations);
            }
            boolean restore = !user.isActive() && StoredUser.ACTIVE.equalsIgnoreCase(changes.getState());
            if (restore && restoreWindowHasPassed(user)) {
                throw PartnerCenterFault.invalidProperty(List.of(
                        "state: the user was deleted more than 30 days ago and can no longer be restored."));
            }
            String newUserPrincipalName = changes.getUserPrincipalName() == null
                    ? user.userPrincipalName : changes.getUserPrincipalName();
            boolean principalNameChanges = !newUserPrincipalName.equals(user.userPrincipalName);
            if ((principalNameChanges || restore) && isTakenByAnotherActiveUser(newUserPrincipalName, user)) {
                throw PartnerCenterFault.userPrincipalNameTaken(newUserPrincipalName);
            }
            apply(user, changes, restore);
            CustomerUser result = user.toResource(customer.id);
            PasswordProfile passwordChange = changes.getPasswordProfile();
            if (passwordChange != null) {
                result.setPasswordProfile(new PasswordProfile(passwordChange.getPassword(),
                        Boolean.TRUE.equals(passwordChange.getForceChangePassword())));
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * U5: deletes a user the way Partner Center does (reference §1.2 U5, §1.4): the user stays, {@code inactive} with
     * {@code softDeletionTime} set to now, leaves the default list and appears in the deleted-users list; a PATCH with
     * {@code state: "active"} restores it within 30 days. Deleting a deleted user is 404 / 60002, as it is no longer
     * an active directory object.
     */
    public void deleteUser(String customerId, String userId) {
        lock.writeLock().lock();
        try {
            StoredUser user = requireUser(requireCustomer(customerId), userId);
            if (!user.isActive()) {
                throw PartnerCenterFault.userNotFound();
            }
            user.state = StoredUser.INACTIVE;
            user.softDeletionTime = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** When the user's password was last reset through a PATCH, if ever since the last reset of the state. */
    public Optional<PasswordReset> lastPasswordReset(String customerId, String userId) {
        lock.readLock().lock();
        try {
            StoredUser user = requireUser(requireCustomer(customerId), userId);
            return user.passwordResetAt == null ? Optional.empty()
                    : Optional.of(new PasswordReset(user.passwordResetAt, user.forceChangePasswordAtNextSignIn));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** GUIDs are compared case-insensitively, as the real service does for tenant and object ids. */
    static String normalizeId(String id) {
        return id == null ? null : id.trim().toLowerCase(Locale.ROOT);
    }

    /** Why the PATCH's {@code state} cannot be applied to this user, if it cannot ("field: message"). */
    private static Optional<String> stateViolation(StoredUser user, CustomerUser changes) {
        String requested = changes.getState() == null ? null : changes.getState().toLowerCase(Locale.ROOT);
        if (requested != null && !requested.equals(StoredUser.ACTIVE) && !requested.equals(StoredUser.INACTIVE)) {
            return Optional.of("state: must be active or inactive.");
        }
        if (user.isActive() && StoredUser.INACTIVE.equals(requested)) {
            return Optional.of("state: a user cannot be deleted by PATCH; use DELETE.");
        }
        if (!user.isActive() && !StoredUser.ACTIVE.equals(requested) && changesAnything(changes)) {
            return Optional.of("state: the user is deleted; send state \"active\" to restore it before changing it.");
        }
        return Optional.empty();
    }

    /** Deleted users can be restored for 30 days after {@code softDeletionTime} (reference §1.4, §2.3). */
    private boolean restoreWindowHasPassed(StoredUser user) {
        if (user.softDeletionTime == null) {
            return false;
        }
        try {
            return java.time.Instant.parse(user.softDeletionTime).plus(java.time.Duration.ofDays(30)).isBefore(clock.instant());
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean changesAnything(CustomerUser changes) {
        return changes.getDisplayName() != null || changes.getFirstName() != null || changes.getLastName() != null
                || changes.getUserPrincipalName() != null || changes.getUsageLocation() != null
                || changes.getImmutableId() != null || changes.getPhoneNumber() != null
                || changes.getPasswordProfile() != null;
    }

    private boolean isTakenByAnotherActiveUser(String userPrincipalName, StoredUser self) {
        for (StoredCustomer customer : customers.values()) {
            for (StoredUser other : customer.users) {
                if (other != self && other.isActive() && userPrincipalName.equalsIgnoreCase(other.userPrincipalName)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void apply(StoredUser user, CustomerUser changes, boolean restore) {
        if (changes.getDisplayName() != null) {
            user.displayName = changes.getDisplayName();
        }
        if (changes.getFirstName() != null) {
            user.firstName = emptyToNull(changes.getFirstName());
        }
        if (changes.getLastName() != null) {
            user.lastName = emptyToNull(changes.getLastName());
        }
        if (changes.getUserPrincipalName() != null) {
            user.userPrincipalName = changes.getUserPrincipalName();
        }
        if (changes.getUsageLocation() != null) {
            user.usageLocation = changes.getUsageLocation();
        }
        if (changes.getImmutableId() != null) {
            user.immutableId = emptyToNull(changes.getImmutableId());
        }
        if (changes.getPhoneNumber() != null) {
            user.phoneNumber = emptyToNull(changes.getPhoneNumber());
        }
        if (changes.getPasswordProfile() != null) {
            user.passwordResetAt = clock.instant();
            user.forceChangePasswordAtNextSignIn = Boolean.TRUE.equals(changes.getPasswordProfile().getForceChangePassword());
        }
        if (restore) {
            user.state = StoredUser.ACTIVE;
            user.softDeletionTime = null;
        }
    }

    private StoredCustomer requireCustomer(String customerId) {
        StoredCustomer customer = customers.get(normalizeId(customerId));
        if (customer == null) {
            throw PartnerCenterFault.tenantNotFound();
        }
        return customer;
    }

    private static StoredUser requireUser(StoredCustomer customer, String userId) {
        StoredUser user = customer.user(userId);
        if (user == null) {
            throw PartnerCenterFault.userNotFound();
        }
        return user;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
