package io.userdesk.api.validation;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ISO 3166-1 alpha-2 country codes a usage location may take (reference §3.1), taken from the JDK's own ISO
 * tables so the list is maintained with the platform instead of by hand.
 */
public final class UsageLocations {
    private static final Set<String> CODES =
            Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(java.util.Locale.getISOCountries())));

    private UsageLocations() {
    }

    public static Set<String> codes() {
        return CODES;
    }

    /** True for an upper-case two-letter code that ISO 3166-1 assigns, such as {@code TW} or {@code US}. */
    public static boolean isValid(String code) {
        return code != null && code.length() == 2 && CODES.contains(code);
    }
}
