package io.userdesk.web.view;

import io.userdesk.api.model.CustomerUser;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * One deleted user as the deleted-users page shows it: when it was deleted and how long it can still be restored
 * (Partner Center purges a deleted user 30 days after its {@code softDeletionTime}). Dates are shown in the viewer's
 * language and time zone. A class with getters because Faces EL cannot read records.
 */
public final class DeletedUserRow implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Duration RESTORE_WINDOW = Duration.ofDays(30);

    private final String id;
    private final String displayName;
    private final String userPrincipalName;
    private final String deletedOn;
    private final String restorableUntil;
    private final long daysLeft;

    private DeletedUserRow(String id, String displayName, String userPrincipalName, String deletedOn,
                           String restorableUntil, long daysLeft) {
        this.id = id;
        this.displayName = displayName;
        this.userPrincipalName = userPrincipalName;
        this.deletedOn = deletedOn;
        this.restorableUntil = restorableUntil;
        this.daysLeft = daysLeft;
    }

    static DeletedUserRow of(CustomerUser user, Clock clock, Locale locale, ZoneId zone) {
        Instant deleted = parse(user.getSoftDeletionTime());
        if (deleted == null) {
            return new DeletedUserRow(user.getId(), user.getDisplayName(), user.getUserPrincipalName(), "", "", -1);
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(zone);
        Instant purge = deleted.plus(RESTORE_WINDOW);
        long daysLeft = Math.max(0, Duration.between(clock.instant(), purge).toDays());
        return new DeletedUserRow(user.getId(), user.getDisplayName(), user.getUserPrincipalName(),
                dates.format(deleted), dates.format(purge), daysLeft);
    }

    private static Instant parse(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public String getId() { return id; }
    public String getDisplayName() { return displayName; }
    public String getUserPrincipalName() { return userPrincipalName; }
    public String getDeletedOn() { return deletedOn; }
    public String getRestorableUntil() { return restorableUntil; }
    /** Whole days left to restore, or -1 when Partner Center gave no deletion time. */
    public long getDaysLeft() { return daysLeft; }
}
