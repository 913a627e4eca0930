package io.userdesk.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.userdesk.api.model.CustomerUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DeletedUserRowTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);

    private static CustomerUser deleted(String softDeletionTime) {
        CustomerUser user = new CustomerUser();
        user.setId("u1");
        user.setDisplayName("Kevin Liu");
        user.setUserPrincipalName("kevin.liu@contoso.com");
        user.setState("inactive");
        user.setSoftDeletionTime(softDeletionTime);
        return user;
    }

    @Test
    void showsTheDeletionDateAndTheEndOfThe30DayRestoreWindowInTheViewersLanguage() {
        DeletedUserRow row = DeletedUserRow.of(deleted("2026-11-09T09:00:00Z"), NOW, Locale.ENGLISH, ZoneOffset.UTC);
        assertEquals("Nov 9, 2026", row.getDeletedOn());
        assertEquals("Dec 9, 2026", row.getRestorableUntil());
        assertEquals(13, row.getDaysLeft());
        DeletedUserRow chinese = DeletedUserRow.of(deleted("2026-11-09T09:00:00Z"), NOW, Locale.TAIWAN, java.time.ZoneId.of("Asia/Taipei"));
        assertEquals("2026年11月9日", chinese.getDeletedOn());
    }

    @Test
    void theDateIsTheViewersDateInTheirTimeZone() {
        DeletedUserRow row = DeletedUserRow.of(deleted("2026-11-09T20:00:00Z"), NOW, Locale.ENGLISH,
                java.time.ZoneId.of("Asia/Taipei"));
        assertEquals("Nov 10, 2026", row.getDeletedOn(), "20:00 UTC is already the next day in Taipei");
    }

    @Test
    void aWindowThatHasPassedLeavesZeroDaysAndAMissingTimeIsShownAsUnknown() {
        assertEquals(0, DeletedUserRow.of(deleted("2026-09-01T00:00:00Z"), NOW, Locale.ENGLISH, ZoneOffset.UTC).getDaysLeft());
        DeletedUserRow unknown = DeletedUserRow.of(deleted(null), NOW, Locale.ENGLISH, ZoneOffset.UTC);
        assertEquals(-1, unknown.getDaysLeft());
        assertEquals("", unknown.getDeletedOn());
        assertEquals(-1, DeletedUserRow.of(deleted("yesterday"), NOW, Locale.ENGLISH, ZoneOffset.UTC).getDaysLeft());
    }
}
