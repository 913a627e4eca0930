package io.userdesk.web.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.CustomerUserCollection;
import io.userdesk.api.model.KeyValuePair;
import io.userdesk.api.model.Link;
import io.userdesk.api.model.ResourceLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Portal pages are built by following continuation tokens only: no offsets, no reading everything up front. */
class PageScannerTest {

    /** A Partner Center stand-in: tokens are the position as text; it counts the pages it served. */
    static final class FakePartnerCenter implements BiFunction<String, Integer, CustomerUserCollection> {
        final List<CustomerUser> users;
        int pagesServed;
        final List<Integer> sizesAsked = new ArrayList<>();

        FakePartnerCenter(int count) {
            users = IntStream.range(0, count).mapToObj(i -> {
                CustomerUser u = new CustomerUser();
                u.setId("u" + i);
                u.setDisplayName((i % 10 == 0 ? "Tsai " : "Chen ") + i);
                return u;
            }).toList();
        }

        @Override
        public CustomerUserCollection apply(String token, Integer size) {
            pagesServed++;
            sizesAsked.add(size);
            int from = token == null ? 0 : Integer.parseInt(token);
            int to = Math.min(users.size(), from + size);
            CustomerUserCollection page = new CustomerUserCollection();
            page.setItems(new ArrayList<>(users.subList(from, to)));
            page.setTotalCount(to - from);
            if (to < users.size()) {
                ResourceLinks links = new ResourceLinks(Link.get("/customers/c/users"));
                links.setNext(new Link("/customers/c/users?seekOperation=Next", "GET",
                        List.of(new KeyValuePair("MS-ContinuationToken", Integer.toString(to)))));
                page.setLinks(links);
            }
            return page;
        }
    }

    @Test
    void withoutSearchEachPortalPageIsOnePartnerCenterPageOfTheSameSize() {
        FakePartnerCenter pc = new FakePartnerCenter(55);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<CustomerUser> page = PageScanner.scan(pc, u -> true, false, 20, cursor);
            page.items().forEach(u -> seen.add(u.getId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(55, seen.size());
        assertEquals(55, seen.stream().distinct().count());
        assertEquals(3, pages);
        assertTrue(pc.sizesAsked.stream().allMatch(size -> size == 20));
    }

    @Test
    void aSearchReadsLargePagesAndResumesInsideAPartnerCenterPage() {
        FakePartnerCenter pc = new FakePartnerCenter(2400);
        Page<CustomerUser> first = PageScanner.scan(pc, u -> u.getDisplayName().startsWith("Tsai"), true, 25, null);
        assertEquals(25, first.items().size());
        assertEquals("u0", first.items().get(0).getId());
        assertEquals("u240", first.items().get(24).getId());
        assertEquals(1, pc.pagesServed, "25 matches are found in the first 500 users");
        assertEquals(List.of(PageScanner.SCAN_PAGE_SIZE), pc.sizesAsked);

        Page<CustomerUser> second = PageScanner.scan(pc, u -> u.getDisplayName().startsWith("Tsai"), true, 25, first.nextCursor());
        assertEquals("u250", second.items().get(0).getId(), "resumes right after the last match shown");
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<CustomerUser> page = PageScanner.scan(pc, u -> u.getDisplayName().startsWith("Tsai"), true, 25, cursor);
            page.items().forEach(u -> all.add(u.getId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(240, all.size());
        assertEquals(240, all.stream().distinct().count());
    }

    @Test
    void theLastPageHasNoCursorAndNoMatchIsAnEmptyLastPage() {
        FakePartnerCenter pc = new FakePartnerCenter(30);
        Page<CustomerUser> none = PageScanner.scan(pc, u -> false, true, 10, null);
        assertTrue(none.items().isEmpty());
        assertNull(none.nextCursor());
        Page<CustomerUser> all = PageScanner.scan(pc, u -> true, false, 30, null);
        assertEquals(30, all.items().size());
        assertNull(all.nextCursor());
    }

    @Test
    void aLongFruitlessScanStopsWithACursorToGoOn() {
        FakePartnerCenter pc = new FakePartnerCenter(PageScanner.SCAN_PAGE_SIZE * (PageScanner.MAX_PAGES_PER_REQUEST + 2));
        Page<CustomerUser> page = PageScanner.scan(pc, u -> false, true, 10, null);
        assertTrue(page.items().isEmpty());
        assertNotNull(page.nextCursor());
        assertEquals(PageScanner.MAX_PAGES_PER_REQUEST, pc.pagesServed);
    }

    @Test
    void aCursorThePortalDidNotMakeIsRefused() {
        FakePartnerCenter pc = new FakePartnerCenter(5);
        assertThrows(InvalidCursorException.class, () -> PageScanner.scan(pc, u -> true, false, 10, "%%%"));
        assertThrows(InvalidCursorException.class, () -> PageScanner.scan(pc, u -> true, false, 10, "bm90LWEtY3Vyc29y"));
    }
}
