package io.userdesk.web.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be (ASVS V6 style: length over composition rules): at least 12 characters, at most 256,
 * not the username (in any case, nor containing it), and not one of the values every password-spraying list starts
 * with. Returns the message a person sees next to the field.
 */
public final class StaffPasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    /** Values (compared in lower case, digits and symbols at the ends stripped) that spraying lists try first. */
    private static final Set<String> TRIVIAL = Set.of("password", "passw0rd", "p@ssw0rd", "p@ssword", "qwerty", "qwertyuiop",
            "azerty", "letmein", "welcome", "admin", "administrator", "changeme", "iloveyou", "monkey", "dragon",
            "football", "baseball", "sunshine", "princess", "trustno", "userdesk", "partnercenter", "microsoft", "summer",
            "winter", "spring", "autumn", "secret", "abc", "abcdef", "abcdefgh", "demo", "test", "master", "login");

    private StaffPasswordPolicy() {
    }

    /** Empty when acceptable, else why not. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        String core = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
        if (TRIVIAL.contains(core) || lower.chars().allMatch(Character::isDigit) || lower.chars().distinct().count() < 4
                || isSequence(lower)) {
            return Optional.of("This password is too easy to guess; choose a passphrase of several words.");
        }
        return Optional.empty();
    }

    private static boolean isSequence(String s) {
        boolean ascending = true;
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(i - 1) + 1) {
                ascending = false;
                break;
            }
        }
        return ascending;
    }
}
