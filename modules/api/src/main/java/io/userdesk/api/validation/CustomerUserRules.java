package io.userdesk.api.validation;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.PasswordProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules a customer-user change must meet, from Partner Center's and Entra ID's documented limits (reference §3).
 * They live here, once, so the portal UI, the portal REST API and the emulator reject exactly the same input with
 * the same words. Each check returns at most one violation per field: the first rule broken is the one to fix.
 */
public final class CustomerUserRules {
    public static final String DISPLAY_NAME = "displayName";
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    public static final String USAGE_LOCATION = "usageLocation";
    public static final String PASSWORD = "passwordProfile.password";

    public static final int DISPLAY_NAME_MAX = 256;
    public static final int NAME_MAX = 64;
    public static final int UPN_ALIAS_MAX = 64;
    public static final int UPN_DOMAIN_MAX = 48;
    public static final int UPN_MAX = 113;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 256;

    /** Symbols Entra ID allows in a password, besides the blank space (reference §3.3). */
    public static final String PASSWORD_SYMBOLS = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();";
    private static final String UPN_ALIAS_SYMBOLS = "'.-_!#^~";

    private CustomerUserRules() {
    }

    /**
     * Checks every field present (non-null) in a PATCH body. Omitted fields are not checked: they stay unchanged.
     *
     * @param customerDomains the customer's domains (primary and custom); a new UPN must use one of them. {@code null}
     *                        means "not known yet": every rule but domain membership is checked, so a caller can reject
     *                        malformed input before it asks Partner Center for the customer's domains.
     */
    public static List<FieldViolation> validateChanges(CustomerUser changes, Collection<String> customerDomains) {
        List<FieldViolation> violations = new ArrayList<>();
        if (changes == null) {
            return violations;
        }
        if (changes.getDisplayName() != null) {
            checkDisplayName(changes.getDisplayName()).ifPresent(violations::add);
        }
        if (changes.getFirstName() != null) {
            checkFirstName(changes.getFirstName()).ifPresent(violations::add);
        }
        if (changes.getLastName() != null) {
            checkLastName(changes.getLastName()).ifPresent(violations::add);
        }
        if (changes.getUserPrincipalName() != null) {
            checkUserPrincipalName(changes.getUserPrincipalName(), customerDomains).ifPresent(violations::add);
        }
        if (changes.getUsageLocation() != null) {
            checkUsageLocation(changes.getUsageLocation()).ifPresent(violations::add);
        }
        PasswordProfile profile = changes.getPasswordProfile();
        if (profile != null) {
            checkPassword(profile.getPassword()).ifPresent(violations::add);
        }
        return violations;
    }

    public static Optional<FieldViolation> checkDisplayName(String value) {
        if (value == null || value.isBlank()) {
            return violation(DISPLAY_NAME, "displayName.required", "Display name cannot be empty.");
        }
        if (value.length() > DISPLAY_NAME_MAX) {
            return violation(DISPLAY_NAME, "displayName.tooLong",
                    "Display name must be at most " + DISPLAY_NAME_MAX + " characters (it has " + value.length() + ").",
                    DISPLAY_NAME_MAX, value.length());
        }
        return Optional.empty();
    }

    public static Optional<FieldViolation> checkFirstName(String value) {
        return checkNameLength(FIRST_NAME, "First name", value);
    }

    public static Optional<FieldViolation> checkLastName(String value) {
        return checkNameLength(LAST_NAME, "Last name", value);
    }

    private static Optional<FieldViolation> checkNameLength(String field, String label, String value) {
        if (value != null && value.length() > NAME_MAX) {
            return violation(field, field + ".tooLong",
                    label + " must be at most " + NAME_MAX + " characters (it has " + value.length() + ").", NAME_MAX, value.length());
        }
        return Optional.empty();
    }

    public static Optional<FieldViolation> checkUsageLocation(String value) {
        if (!UsageLocations.isValid(value)) {
            return violation(USAGE_LOCATION, "usageLocation.invalid",
                    "Usage location must be a two-letter ISO 3166-1 country code in capitals, such as US or TW.");
        }
        return Optional.empty();
    }

    public static Optional<FieldViolation> checkUserPrincipalName(String value, Collection<String> customerDomains) {
        if (value == null || value.isBlank()) {
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.required", "User principal name cannot be empty.");
        }
        int at = value.indexOf('@');
        if (at < 0 || at != value.lastIndexOf('@')) {
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.format",
                    "User principal name must have the form alias@domain, with exactly one @.");
        }
        String alias = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (alias.isEmpty()) {
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.aliasRequired",
                    "User principal name needs an alias before the @.");
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (!isAsciiLetterOrDigit(c) && UPN_ALIAS_SYMBOLS.indexOf(c) < 0) {
                return violation(USER_PRINCIPAL_NAME, "userPrincipalName.characters",
                        "User principal name may only use A-Z, a-z, 0-9 and ' . - _ ! # ^ ~ before the @ (found '" + c + "').",
                        String.valueOf(c));
            }
        }
        if (alias.endsWith(".")) {
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.dotBeforeAt",
                    "User principal name cannot have a period immediately before the @.");
        }
        if (alias.length() > UPN_ALIAS_MAX) {
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.aliasTooLong",
                    "The part before the @ must be at most " + UPN_ALIAS_MAX + " characters (it has " + alias.length() + ").",
                    UPN_ALIAS_MAX, alias.length());
        }
        if (domain.isEmpty() || !isDomainName(domain)) {
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.domainFormat",
                    "The part after the @ must be a domain name such as contoso.onmicrosoft.com.");
        }
        if (domain.length() > UPN_DOMAIN_MAX) {
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.domainTooLong",
                    "The part after the @ must be at most " + UPN_DOMAIN_MAX + " characters (it has " + domain.length() + ").",
                    UPN_DOMAIN_MAX, domain.length());
        }
        if (value.length() > UPN_MAX) {
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.tooLong",
                    "User principal name must be at most " + UPN_MAX + " characters (it has " + value.length() + ").",
                    UPN_MAX, value.length());
        }
        if (customerDomains == null) {
            return Optional.empty();
        }
        Set<String> allowed = customerDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!allowed.contains(domain.toLowerCase(Locale.ROOT))) {
            String listed = String.join(", ", new java.util.TreeSet<>(allowed));
            return violation(USER_PRINCIPAL_NAME, "userPrincipalName.domainNotVerified",
                    "The domain " + domain + " is not one of this customer's domains"
                            + (allowed.isEmpty() ? "." : " (" + listed + ")."),
                    domain, allowed.size(), listed);
        }
        return Optional.empty();
    }

    /** Checks a new password; the message never repeats the password itself. */
    public static Optional<FieldViolation> checkPassword(String value) {
        if (value == null || value.isEmpty()) {
            return violation(PASSWORD, "password.required", "Enter a new password.");
        }
        if (value.length() < PASSWORD_MIN || value.length() > PASSWORD_MAX) {
            return violation(PASSWORD, "password.length",
                    "Password must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters long.", PASSWORD_MIN, PASSWORD_MAX);
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == ' ' || PASSWORD_SYMBOLS.indexOf(c) >= 0) {
                symbol = true;
            } else {
                return violation(PASSWORD, "password.characters",
                        "Password may only use letters A-Z and a-z, digits, spaces and the symbols " + PASSWORD_SYMBOLS + ".",
                        PASSWORD_SYMBOLS);
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        if (classes < 3) {
            return violation(PASSWORD, "password.complexity",
                    "Password must contain three of these four: lower-case letters, upper-case letters, digits, symbols.");
        }
        return Optional.empty();
    }

    private static boolean isDomainName(String domain) {
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..") || !domain.contains(".")) {
            return false;
        }
        for (String label : domain.split("\\.")) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!isAsciiLetterOrDigit(c) && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A violation; {@code arguments} are the values the English message quotes, in order, for translations. */
    private static Optional<FieldViolation> violation(String field, String code, String message, Object... arguments) {
        return Optional.of(new FieldViolation(field, code, message, List.of(arguments)));
    }
}
