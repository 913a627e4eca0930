package io.userdesk.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Stored UTC, shown in the viewer's zone with the pattern of the viewer's language. */
class DatesTest {
    private static final Instant EVENING_IN_LONDON = Instant.parse("2026-11-26T18:05:09.123456Z");

    @Test
    void englishInUtcIsTheIsoLikeListFormat() {
        assertEquals("2026-11-26 18:05:09", Dates.format(EVENING_IN_LONDON, "format.dateTime", Locale.ENGLISH, ZoneOffset.UTC));
    }

    @Test
    void taiwanSeesTheNextMorningWithItsOffset() {
        ZoneId taipei = ZoneId.of("Asia/Taipei");
        assertEquals("2026/11/27 02:05:09", Dates.format(EVENING_IN_LONDON, "format.dateTime", Locale.TAIWAN, taipei));
        assertEquals("2026/11/27 02:05:09.123456 +08:00",
                Dates.format(EVENING_IN_LONDON, "format.dateTimePrecise", Locale.TAIWAN, taipei));
    }

    @Test
    void noTimeIsBlank() {
        assertEquals("", Dates.format(null, "format.dateTime", Locale.ENGLISH, ZoneOffset.UTC));
    }
}
