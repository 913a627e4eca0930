package io.userdesk.audit;

import java.util.List;

/**
 * One page of a {@link AuditStore#search(AuditQuery)}, newest first.
 *
 * <p>The cursor is a position in the trail, not a page number: pages stay correct while new events arrive (they only
 * show up when the search starts again from the top), and fetching page 1000 costs the same as page 1.
 *
 * @param items the events on this page, newest first
 * @param nextCursor pass to {@link AuditQuery#withCursor(String)} for the next (older) page; null when this is the
 *                   last page
 */
public record AuditPage(List<AuditEvent> items, String nextCursor) {

    // Makes the item list immutable.
    public AuditPage {
        items = List.copyOf(items);
    }

    /** @return whether an older page exists */
    public boolean hasMore() {
        return nextCursor != null;
    }
}
