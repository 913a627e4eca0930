package io.userdesk.web.edit;

import io.userdesk.api.validation.CustomerUserRules;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Generates temporary passwords that pass the same policy the server and Partner Center apply
 * ({@link CustomerUserRules#checkPassword}): 16 characters with all four classes (lower case, upper case, digits,
 * symbols), so any three-of-four rule is met with room to spare. Characters people confuse when reading a password
 * aloud or copying it by hand (0/O, 1/l/I, quotes, backtick, space) are left out. Drawn from {@link SecureRandom}.
 */
public final class TemporaryPasswordGenerator {
    public static final int LENGTH = 16;
    static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String DIGITS = "23456789";
    static final String SYMBOLS = "@#$%&*-_!+=?";
    private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;

    private final RandomGenerator random;

    public TemporaryPasswordGenerator() {
        this(new SecureRandom());
    }

    TemporaryPasswordGenerator(RandomGenerator random) {
        this.random = random;
    }

    /** A new password meeting the policy; never logged or stored by this class. */
    public String generate() {
        char[] chars = new char[LENGTH];
        chars[0] = pick(LOWER);
        chars[1] = pick(UPPER);
        chars[2] = pick(DIGITS);
        chars[3] = pick(SYMBOLS);
        for (int i = 4; i < LENGTH; i++) {
            chars[i] = pick(ALL);
        }
        for (int i = LENGTH - 1; i > 0; i--) { // Fisher-Yates, so the guaranteed classes are not always first
            int j = random.nextInt(i + 1);
            char swap = chars[i];
            chars[i] = chars[j];
            chars[j] = swap;
        }
        return new String(chars);
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
