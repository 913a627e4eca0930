package io.userdesk.web.i18n;

import io.userdesk.web.preferences.ViewerPreferences;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as the viewer reads them: stored in UTC, shown in the browser's time zone (reported by
 * {@code userdesk.js}, UTC until then) with the pattern of the viewer's language from the bundle
 * ({@code format.dateTime}, {@code format.dateTimePrecise}).
 */
public final class Dates {

    private Dates() {
    }

    /** To the second, for lists. */
    public static String format(Instant instant) {
        return format(instant, "format.dateTime", Texts.currentLocale(), viewerZone());
    }

    /** To the microsecond with the offset, for the audit event page. */
    public static String formatPrecise(Instant instant) {
        return format(instant, "format.dateTimePrecise", Texts.currentLocale(), viewerZone());
    }

    static String format(Instant instant, String patternKey, Locale locale, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(Texts.get(locale, patternKey), locale).withZone(zone).format(instant);
    }

    /** The viewer's time zone, UTC outside a Faces request. */
    public static ZoneId viewerZone() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getExternalContext().getRequest() instanceof HttpServletRequest request) {
            return ViewerPreferences.timeZone(request);
        }
        return ZoneOffset.UTC;
    }
}
