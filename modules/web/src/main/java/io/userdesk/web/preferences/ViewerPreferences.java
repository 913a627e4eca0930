package io.userdesk.web.preferences;

import io.userdesk.web.security.PortalAuthenticationMechanism;
import io.userdesk.web.security.SignedInStaff;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The viewer's language, theme and time zone for one request, in this order of precedence: the signed-in staff
 * member's saved preference (loaded once per session), the session's choice, then a cookie (which is how the sign-in
 * page knows the language before anyone has signed in). Language and theme cookies are only ever written by the
 * switches; the time-zone cookie is written by {@code userdesk.js} from the browser's {@code Intl} API.
 *
 * <p>Why static and request-based rather than a CDI bean: the Faces view handler needs the locale before any bean
 * is resolved, and the error pages are rendered outside the usual request lifecycle.
 */
public final class ViewerPreferences {
    public static final String ENGLISH = "en";
    public static final String CHINESE_TAIWAN = "zh-TW";
    public static final List<String> LANGUAGES = List.of(ENGLISH, CHINESE_TAIWAN);
    public static final String SYSTEM = "system";
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    public static final List<String> THEMES = List.of(SYSTEM, LIGHT, DARK);

    public static final String LANGUAGE_COOKIE = "userdesk.lang";
    public static final String THEME_COOKIE = "userdesk.theme";
    public static final String TIME_ZONE_COOKIE = "userdesk.tz";
    static final String LANGUAGE_ATTRIBUTE = "userdesk.language";
    static final String THEME_ATTRIBUTE = "userdesk.theme";
    static final String LOADED_FOR_ATTRIBUTE = "userdesk.preferencesLoadedFor";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private static final Logger LOG = Logger.getLogger(ViewerPreferences.class.getName());

    private ViewerPreferences() {
    }

    /** The chosen language tag ({@code en} or {@code zh-TW}), or null when nobody chose: the browser's then applies. */
    public static String language(HttpServletRequest request) {
        loadSaved(request);
        String chosen = sessionValue(request, LANGUAGE_ATTRIBUTE);
        return valid(chosen != null ? chosen : cookie(request, LANGUAGE_COOKIE), LANGUAGES, null);
    }

    /** {@code system} (follow the operating system), {@code light} or {@code dark}. */
    public static String theme(HttpServletRequest request) {
        loadSaved(request);
        String chosen = sessionValue(request, THEME_ATTRIBUTE);
        return valid(chosen != null ? chosen : cookie(request, THEME_COOKIE), THEMES, SYSTEM);
    }

    /** The browser's time zone as {@code userdesk.js} reported it; UTC until it has (or when it is not a zone). */
    public static ZoneId timeZone(HttpServletRequest request) {
        String reported = cookie(request, TIME_ZONE_COOKIE);
        if (reported == null || reported.isBlank() || reported.length() > 64) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(reported);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public static Locale toLocale(String language) {
        return CHINESE_TAIWAN.equals(language) ? Locale.TAIWAN : Locale.ENGLISH;
    }

    /** Remembers a language in the session and a cookie, and for the signed-in staff member in the database. */
    public static void chooseLanguage(HttpServletRequest request, HttpServletResponse response, String language) {
        choose(request, response, LANGUAGE_ATTRIBUTE, LANGUAGE_COOKIE, valid(language, LANGUAGES, ENGLISH), true);
    }

    /** Remembers a theme in the session and a cookie, and for the signed-in staff member in the database. */
    public static void chooseTheme(HttpServletRequest request, HttpServletResponse response, String theme) {
        choose(request, response, THEME_ATTRIBUTE, THEME_COOKIE, valid(theme, THEMES, SYSTEM), false);
    }

    private static void choose(HttpServletRequest request, HttpServletResponse response, String attribute,
                               String cookieName, String value, boolean language) {
        request.getSession(true).setAttribute(attribute, value);
        Cookie cookie = new Cookie(cookieName, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        SignedInStaff staff = signedIn(request);
        if (staff != null) {
            try {
                repository().save(staff.username(), language ? value : null, language ? null : value);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The preference of {0} could not be saved; it holds for this session only: {1}",
                        new Object[] {staff.username(), e.getMessage()});
            }
        }
    }

    /** Once per signed-in session: the staff member's saved choices replace the session's. */
    private static void loadSaved(HttpServletRequest request) {
        SignedInStaff staff = signedIn(request);
        if (staff == null) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (staff.username().equals(session.getAttribute(LOADED_FOR_ATTRIBUTE))) {
            return;
        }
        session.setAttribute(LOADED_FOR_ATTRIBUTE, staff.username());
        try {
            repository().find(staff.username()).ifPresent(saved -> {
                if (saved.language() != null) {
                    session.setAttribute(LANGUAGE_ATTRIBUTE, saved.language());
                }
                if (saved.theme() != null) {
                    session.setAttribute(THEME_ATTRIBUTE, saved.theme());
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The preferences of {0} could not be read: {1}", new Object[] {staff.username(), e.getMessage()});
        }
    }

    private static SignedInStaff signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SignedInStaff) session.getAttribute(PortalAuthenticationMechanism.SESSION_ATTRIBUTE);
    }

    private static StaffPreferenceRepository repository() {
        return CDI.current().select(StaffPreferenceRepository.class).get();
    }

    private static String sessionValue(HttpServletRequest request, String attribute) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(attribute);
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static String valid(String value, List<String> allowed, String fallback) {
        return value != null && allowed.contains(value) ? value : fallback;
    }
}
