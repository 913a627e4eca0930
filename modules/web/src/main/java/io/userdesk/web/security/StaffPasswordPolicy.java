package io.userdesk.web.security;

import java.util.List;
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

    /** Why a password is refused: a stable code ({@code password.tooShort}), the English text and the values it quotes. */
    public record Problem(String code, String message, List<Object> arguments) {
    }

    /** Empty when acceptable, else why not (in English). */
    public static Optional<String> problem(String username, String password) {
        return check(username, password).map(Problem::message);
    }

    /** Empty when acceptable, else why not, with a code the portal translates. */
    public static Optional<Problem> check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new Problem("password.tooShort", "Use at least " + MIN_LENGTH + " characters.", List.of(MIN_LENGTH)));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new Problem("password.tooLong", "Use at most " + MAX_LENGTH + " characters.", List.of(MAX_LENGTH)));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of(new Problem("password.containsUsername", "The password must not contain the username.", List.of()));
        }
        String core = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
        if (TRIVIAL.contains(core) || lower.chars().allMatch(Character::isDigit) || lower.chars().distinct().count() < 4
                || isSequence(lower)) {
            return Optional.of(new Problem("password.guessable",
                    "This password is too easy to guess; choose a passphrase of several words.", List.of()));
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
