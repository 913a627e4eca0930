package io.userdesk.emulator.state;

/**
 * The paging and query inputs of a list call exactly as the client sent them (query parameters and the
 * {@code MS-ContinuationToken} header), before any parsing; the state decides what they mean.
 *
 * @param size              page size, 1..500; null or 0 means "everything in one page"
 * @param filter            URL-decoded filter JSON, or null
 * @param sortField         users only: {@code DisplayName} or {@code UserPrincipalName}
 * @param sortDirection     users only: ascending or descending, any casing
 * @param seekOperation     {@code Next} to resume from {@code continuationToken}; null for a first page
 * @param continuationToken the {@code MS-ContinuationToken} header
 */
public record ListRequest(Integer size, String filter, String sortField, String sortDirection,
                          String seekOperation, String continuationToken) {

    /** A first page of the given size with no filter or sort. */
    public static ListRequest firstPage(Integer size) {
        return new ListRequest(size, null, null, null, null, null);
    }

    /** The page after the one that returned {@code continuationToken}, sent the way the SDKs follow {@code links.next}. */
    public ListRequest next(String continuationToken) {
        return new ListRequest(size, filter, sortField, sortDirection, "Next", continuationToken);
    }
}
