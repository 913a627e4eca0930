package io.userdesk.web.security;

import io.userdesk.web.config.PortalSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a username and password against the built-in staff accounts and supplies their roles. Roles are given only
 * for results this store produced: callers authenticated elsewhere (API tokens) keep exactly the roles their token
 * carries. (Jakarta Security keeps a validating store's groups only if the store also declares PROVIDE_GROUPS.)
 *
 * <p>Repeated wrong passwords lock the account with exponential backoff; while locked even the right password gets the
 * same "not correct" answer (Keycloak's brute-force behaviour), so a guesser cannot tell. Every attempt is audited.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {
    /** Verified against when the username is unknown, so both cases cost the same time. */
    private static final String TIMING_DUMMY = "timing-equaliser";
    static final String STORE_ID = "userdesk-staff-accounts";

    @Inject
    StaffAccountRepository accounts;

    @Inject
    StaffPasswords passwords;

    @Inject
    SecurityAudit audit;

    @Inject
    PortalSettings settings;

    @Inject
    HttpServletRequest request;

    @Inject
    SignInOptions signInOptions;

    private volatile String dummyHash;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        if (!signInOptions.isBuiltInEnabled()) {
            // switched off: this store does not answer, so neither the sign-in form nor /api/token can use a password
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String channel = channel();
        Optional<StaffAccount> account = accounts.find(credential.getCaller());
        if (account.isEmpty()) {
            passwords.matches(credential.getPasswordAsString(), dummyHash());
            audit.signInFailed(credential.getCaller(), "unknown-account", channel, SignedInStaff.PASSWORD);
            return CredentialValidationResult.INVALID_RESULT;
        }
        StaffAccount staff = account.get();
        Instant now = Instant.now();
        if (staff.lockedAt(now)) {
            // same answer and same cost as a wrong password; attempts while locked do not extend the lock
            passwords.matches(credential.getPasswordAsString(), dummyHash());
            audit.signInFailed(staff.username(), "locked", channel, SignedInStaff.PASSWORD);
            return CredentialValidationResult.INVALID_RESULT;
        }
        boolean passwordMatches = passwords.matches(credential.getPasswordAsString(), staff.passwordHash());
        if (!passwordMatches) {
            recordFailure(staff, now, channel);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!staff.enabled()) {
            audit.signInFailed(staff.username(), "disabled", channel, SignedInStaff.PASSWORD);
            return CredentialValidationResult.INVALID_RESULT;
        }
        accounts.recordSuccess(staff.username());
        audit.signInSucceeded(staff.username(), staff.displayName(), staff.roles(), channel, SignedInStaff.PASSWORD);
        return new CredentialValidationResult(STORE_ID, new jakarta.security.enterprise.CallerPrincipal(staff.username()),
                null, staff.username(), new HashSet<>(staff.roles()));
    }

    /**
     * Counts the failure; from the configured number of consecutive failures on, locks the account for the base
     * lockout doubled per further failure (capped at an hour), so a guesser slows down exponentially while a
     * colleague who mistyped waits a minute.
     */
    private void recordFailure(StaffAccount staff, Instant now, String channel) {
        int failures = staff.failedSignIns() + 1;
        Long lockSeconds = null;
        if (failures >= settings.signInMaxFailures()) {
            int doublings = Math.min(failures - settings.signInMaxFailures(), 6);
            lockSeconds = Math.min(settings.signInLockoutSeconds() << doublings, 3600L);
        }
        accounts.recordFailure(staff.username(), lockSeconds == null ? null : now.plusSeconds(lockSeconds));
        audit.signInFailed(staff.username(), "wrong-password", channel, SignedInStaff.PASSWORD);
        if (lockSeconds != null) {
            audit.accountLocked(staff.username(), staff.displayName(), lockSeconds, failures);
        }
    }

    private String channel() {
        try {
            return request.getRequestURI().contains("/api/") ? "api" : "page";
        } catch (RuntimeException noRequest) {
            return "other";
        }
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = passwords.hash(TIMING_DUMMY);
        }
        return dummyHash;
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return STORE_ID.equals(validationResult.getIdentityStoreId()) ? validationResult.getCallerGroups() : Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
