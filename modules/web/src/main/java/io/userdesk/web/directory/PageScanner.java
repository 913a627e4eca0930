package io.userdesk.web.directory;

import io.userdesk.api.model.ResourceCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Builds portal pages from Partner Center pages by following continuation tokens, filtering as it goes. Partner
 * Center has no offset and no text search on users, so this is the honest way to page and search: it reads only as
 * many Partner Center pages as the requested portal page needs (bounded by {@link #MAX_PAGES_PER_REQUEST}) and never
 * fetches everything up front.
 */
final class PageScanner {
    /** Partner Center's largest page; used when filtering so few round trips are needed. */
    static final int SCAN_PAGE_SIZE = 500;
    /** Upper bound of Partner Center pages read for one portal page; a partial page then carries a cursor to go on. */
    static final int MAX_PAGES_PER_REQUEST = 20;

    private PageScanner() {
    }

    /**
     * @param fetch     reads one Partner Center page: (continuation token or null, page size) → collection
     * @param matches   which items belong in the result
     * @param filtering whether {@code matches} can reject items (then large Partner Center pages are read)
     */
    static <T> Page<T> scan(BiFunction<String, Integer, ? extends ResourceCollection<T>> fetch, Predicate<T> matches,
                            boolean filtering, int pageSize, String cursor) {
        ScanCursor position = ScanCursor.decode(cursor);
        int fetchSize = filtering ? SCAN_PAGE_SIZE : pageSize;
        List<T> found = new ArrayList<>(pageSize);
        String token = position.continuationToken();
        int skip = position.skip();
        for (int read = 0; read < MAX_PAGES_PER_REQUEST; read++) {
            ResourceCollection<T> page = fetch.apply(token, fetchSize);
            List<T> items = page.getItems();
            for (int i = skip; i < items.size(); i++) {
                T item = items.get(i);
                if (matches.test(item)) {
                    if (found.size() == pageSize) {
                        return new Page<>(found, new ScanCursor(token, i).encode());
                    }
                    found.add(item);
                }
            }
            Optional<String> next = page.nextContinuationToken();
            if (next.isEmpty()) {
                return new Page<>(found, null);
            }
            token = next.get();
            skip = 0;
            if (found.size() == pageSize) {
                return new Page<>(found, new ScanCursor(token, 0).encode());
            }
        }
        return new Page<>(found, new ScanCursor(token, skip).encode());
    }
}
