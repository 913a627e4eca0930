package io.userdesk.launcher;

import java.util.Objects;

/**
 * Where the portal finds its PostgreSQL: either the embedded server this launcher started or the external one the
 * operator configured. Kept as one value so the child's command line is built the same way for both.
 */
record DatabaseConnection(String url, String user, String password) {

    DatabaseConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Never prints the password: these values end up in logs and error messages. */
    @Override
    public String toString() {
        String shownPassword = password.isEmpty() ? "" : "***";
        return "DatabaseConnection[url=" + url + ", user=" + user + ", password=" + shownPassword + "]";
    }
}
