package io.userdesk.emulator.state;

import java.util.Comparator;
import java.util.Locale;

/**
 * Which of a customer's users a list returns and in what order (reference §1.4). By default only active users,
 * in fixture order; the documented deleted-users filter ({@code UserState} or, as the samples spell it,
 * {@code UserStatus}, equals {@code Inactive}) lists the soft-deleted ones instead. Records compare by value, which
 * is how a continuation token's query is checked against the request's.
 *
 * @param listedState {@code active} or {@code inactive}
 * @param sortField   null for fixture order
 */
record UserListQuery(String listedState, SortField sortField, boolean descending) {

    enum SortField {
        DISPLAY_NAME(Comparator.comparing((StoredUser user) -> nullToEmpty(user.displayName), String.CASE_INSENSITIVE_ORDER)),
        USER_PRINCIPAL_NAME(Comparator.comparing((StoredUser user) -> nullToEmpty(user.userPrincipalName), String.CASE_INSENSITIVE_ORDER));

        final Comparator<StoredUser> order;

        SortField(Comparator<StoredUser> order) {
            this.order = order;
        }
    }

    static UserListQuery parse(String filter, String sortField, String sortDirection) {
        SortField field = parseSortField(sortField);
        boolean descending = parseDescending(sortDirection);
        // A direction without a field changes nothing, so it must not make two equal queries look different.
        return new UserListQuery(parseState(filter), field, field != null && descending);
    }

    /** The order to list in, or null for fixture order; ties keep fixture order because the sort is stable. */
    Comparator<StoredUser> comparator() {
        if (sortField == null) {
            return null;
        }
        return descending ? sortField.order.reversed() : sortField.order;
    }

    private static String parseState(String filter) {
        if (filter == null || filter.isBlank()) {
            return StoredUser.ACTIVE;
        }
        FieldFilter parsed = FieldFilter.parse(filter);
        if (!parsed.field().equalsIgnoreCase("UserState") && !parsed.field().equalsIgnoreCase("UserStatus")) {
            throw PartnerCenterFault.invalidRequestInput("filter: the only Field supported for users is UserState.");
        }
        if (!parsed.operator().equals(FieldFilter.EQUALS)) {
            throw PartnerCenterFault.invalidRequestInput("filter: the only Operator supported for users is equals.");
        }
        String state = parsed.value().toLowerCase(Locale.ROOT);
        if (!state.equals(StoredUser.ACTIVE) && !state.equals(StoredUser.INACTIVE)) {
            throw PartnerCenterFault.invalidRequestInput("filter: Value must be Active or Inactive.");
        }
        return state;
    }

    private static SortField parseSortField(String sortField) {
        if (sortField == null || sortField.isBlank()) {
            return null;
        }
        if (sortField.equalsIgnoreCase("DisplayName")) {
            return SortField.DISPLAY_NAME;
        }
        if (sortField.equalsIgnoreCase("UserPrincipalName")) {
            return SortField.USER_PRINCIPAL_NAME;
        }
        throw PartnerCenterFault.invalidRequestInput("sortField: must be DisplayName or UserPrincipalName.");
    }

    private static boolean parseDescending(String sortDirection) {
        if (sortDirection == null || sortDirection.isBlank() || sortDirection.equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortDirection.equalsIgnoreCase("descending")) {
            return true;
        }
        throw PartnerCenterFault.invalidRequestInput("sortDirection: must be ascending or descending.");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
