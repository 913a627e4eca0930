package io.userdesk.web.directory;

import io.userdesk.client.UserListing;

/**
 * The orders a user list can be shown in. Partner Center sorts (by display name or user principal name), so a sorted
 * list still pages by continuation token and a search filters the sorted pages without reading everything first.
 */
public enum UserOrder {
    /** Partner Center's own order (the order users were created in). */
    DEFAULT(null, false),
    DISPLAY_NAME(UserListingField.DISPLAY_NAME, false),
    DISPLAY_NAME_DESCENDING(UserListingField.DISPLAY_NAME, true),
    USER_PRINCIPAL_NAME(UserListingField.USER_PRINCIPAL_NAME, false),
    USER_PRINCIPAL_NAME_DESCENDING(UserListingField.USER_PRINCIPAL_NAME, true);

    private final String sortField;
    private final boolean descending;

    UserOrder(String sortField, boolean descending) {
        this.sortField = sortField;
        this.descending = descending;
    }

    /** The active users' listing in this order. */
    UserListing activeUsers() {
        return new UserListing(false, sortField, descending);
    }

    /** Reads a request parameter leniently: anything unknown is the default order. */
    public static UserOrder parse(String value) {
        if (value != null) {
            for (UserOrder order : values()) {
                if (order.name().equalsIgnoreCase(value.trim())) {
                    return order;
                }
            }
        }
        return DEFAULT;
    }

    private static final class UserListingField {
        static final String DISPLAY_NAME = "DisplayName";
        static final String USER_PRINCIPAL_NAME = "UserPrincipalName";
    }
}
