package io.userdesk.client;

/**
 * Which of a customer's users Partner Center lists and in what order (reference §1.4): the active ones (the default
 * list) or the soft-deleted ones (the documented {@code UserState = Inactive} filter), optionally sorted by display
 * name or user principal name. Sorting happens in Partner Center, so paging by continuation token keeps the order.
 *
 * @param deleted   list the deleted users (within their 30-day restore window) instead of the active ones
 * @param sortField {@code DisplayName}, {@code UserPrincipalName}, or null for Partner Center's own order
 * @param descending sort direction; ignored without a sort field
 */
public record UserListing(boolean deleted, String sortField, boolean descending) {
    /** The default list: active users in Partner Center's order. */
    public static final UserListing ACTIVE = new UserListing(false, null, false);
    /** The deleted users, as Partner Center's "Deleted users" view lists them. */
    public static final UserListing DELETED = new UserListing(true, null, false);

    static final String DELETED_FILTER = "{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}";

    public UserListing {
        if (sortField != null && !sortField.equals("DisplayName") && !sortField.equals("UserPrincipalName")) {
            throw new IllegalArgumentException("Partner Center sorts users by DisplayName or UserPrincipalName only");
        }
    }

    /**
     * The filter query value, percent-encoded here: the JSON's braces would otherwise be read as a URI template by the
     * REST client, which keeps existing percent-escapes as they are. Partner Center documents the filter URL-encoded.
     */
    String filter() {
        return deleted ? java.net.URLEncoder.encode(DELETED_FILTER, java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    String sortDirection() {
        return sortField == null ? null : descending ? "descending" : "ascending";
    }
}
