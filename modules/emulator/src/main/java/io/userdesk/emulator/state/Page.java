package io.userdesk.emulator.state;

import java.util.List;

/**
 * One page of a list: the items and, when more follow, the opaque token that fetches the next page.
 *
 * @param nextContinuationToken null on the last page
 */
public record Page<T>(List<T> items, String nextContinuationToken) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return nextContinuationToken != null;
    }
}
