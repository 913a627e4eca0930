package io.userdesk.emulator.state;

import java.util.List;

/**
 * Seek-based paging as Partner Center offers it (reference §1.4): a first page of {@code size} items, then
 * {@code seekOperation=Next} with the {@code MS-ContinuationToken} of the previous page. There is deliberately no
 * other way to skip ahead (no offset parameter), so clients written against the emulator also work against the
 * real service.
 */
final class Paging {
    static final int MAX_PAGE_SIZE = 500;

    private Paging() {
    }

    /** Turns the raw filter, sort field and sort direction into a comparable query, rejecting what it cannot use. */
    @FunctionalInterface
    interface QueryParser<Q> {
        Q parse(String filter, String sortField, String sortDirection);
    }

    /**
     * Where a list call starts and with which query.
     *
     * @param pageSize 0 means "all remaining items"
     */
    record Position<Q>(Q query, int offset, int pageSize, String filter, String sortField, String sortDirection) {
    }

    static <Q> Position<Q> resolve(String scope, ListRequest request, QueryParser<Q> parser) {
        Integer requestedSize = request.size();
        if (requestedSize != null && (requestedSize < 0 || requestedSize > MAX_PAGE_SIZE)) {
            throw PartnerCenterFault.invalidRequestInput("size: must be between 1 and " + MAX_PAGE_SIZE
                    + " (0 or no size returns every item in one page).");
        }
        String seekOperation = request.seekOperation();
        if (seekOperation == null || seekOperation.isBlank()) {
            Q query = parser.parse(request.filter(), request.sortField(), request.sortDirection());
            return new Position<>(query, 0, requestedSize == null ? 0 : requestedSize,
                    request.filter(), request.sortField(), request.sortDirection());
        }
        if (!seekOperation.equalsIgnoreCase("Next")) {
            throw PartnerCenterFault.invalidRequestInput("seekOperation: only Next is supported.");
        }
        String rawToken = request.continuationToken();
        if (rawToken == null || rawToken.isBlank()) {
            throw PartnerCenterFault.invalidContinuationToken("MS-ContinuationToken: required with seekOperation=Next.");
        }
        ContinuationToken token = ContinuationToken.decode(rawToken);
        if (!token.scope().equals(scope)) {
            throw PartnerCenterFault.invalidContinuationToken("MS-ContinuationToken: issued for a different list.");
        }
        Q tokenQuery = parser.parse(token.filter(), token.sortField(), token.sortDirection());
        if (repeatsQuery(request)) {
            Q requestQuery = parser.parse(request.filter(), request.sortField(), request.sortDirection());
            if (!requestQuery.equals(tokenQuery)) {
                throw PartnerCenterFault.invalidContinuationToken(
                        "MS-ContinuationToken: issued for a different filter or sort than this request's.");
            }
        }
        int pageSize = requestedSize == null ? token.pageSize() : requestedSize;
        return new Position<>(tokenQuery, token.offset(), pageSize, token.filter(), token.sortField(), token.sortDirection());
    }

    /** The page at {@code position} of {@code matching} (already filtered and sorted), with a token when more follow. */
    static <T> Page<T> cut(List<T> matching, Position<?> position, String scope) {
        int from = Math.min(position.offset(), matching.size());
        int to = position.pageSize() == 0 ? matching.size() : Math.min(matching.size(), from + position.pageSize());
        String next = to < matching.size()
                ? new ContinuationToken(scope, to, position.pageSize(), position.filter(), position.sortField(),
                        position.sortDirection()).encode()
                : null;
        return new Page<>(matching.subList(from, to), next);
    }

    private static boolean repeatsQuery(ListRequest request) {
        return notBlank(request.filter()) || notBlank(request.sortField()) || notBlank(request.sortDirection());
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
