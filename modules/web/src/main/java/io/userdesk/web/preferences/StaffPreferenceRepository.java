package io.userdesk.web.preferences;

import io.userdesk.web.config.PortalDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads and writes {@code staff_preference} (migration V12), keyed by the signed-in username so that staff who sign in
 * with a password and staff who come through OpenID Connect are remembered alike. A preference is a convenience: when
 * the database cannot be reached the portal carries on with the session's and the cookie's choice.
 */
@ApplicationScoped
public class StaffPreferenceRepository {

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    public Optional<StaffPreference> find(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT language, theme FROM staff_preference WHERE username = ?")) {
            select.setString(1, normalize(username));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new StaffPreference(rows.getString(1), rows.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("staff preferences cannot be read (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Saves one choice, leaving the other as it was; {@code language} or {@code theme} null: unchanged. */
    public void save(String username, String language, String theme) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO staff_preference (username, language, theme) VALUES (?, ?, ?) "
                             + "ON CONFLICT (username) DO UPDATE SET "
                             + "language = COALESCE(EXCLUDED.language, staff_preference.language), "
                             + "theme = COALESCE(EXCLUDED.theme, staff_preference.theme), updated_at = now()")) {
            upsert.setString(1, normalize(username));
            upsert.setString(2, language);
            upsert.setString(3, theme);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("staff preferences cannot be saved (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static String normalize(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
