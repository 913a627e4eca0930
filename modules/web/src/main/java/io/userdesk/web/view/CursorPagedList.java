package io.userdesk.web.view;

import io.userdesk.web.directory.Page;
import java.io.Serializable;
import java.util.List;

/**
 * The shared behaviour of the list pages (customers, users, audit trail): show one page, go forward and back through
 * opaque cursors, start again from the first page when the filter changes, and turn a failure into a message and an
 * empty list rather than an error page.
 */
public abstract class CursorPagedList<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CursorPager pager = new CursorPager();
    private List<T> items = List.of();

    /** Reads the page that starts at {@code cursor} ({@code null} for the first). */
    protected abstract Page<T> fetch(String cursor);

    /** Says what went wrong; by default the failure texts shared by all pages. */
    protected void onFailure(RuntimeException e) {
        Messages.failure(e);
    }

    public void firstPage() {
        pager.reset();
        show();
    }

    public void nextPage() {
        if (pager.forward()) {
            show();
        }
    }

    public void previousPage() {
        if (pager.back()) {
            show();
        }
    }

    private void show() {
        try {
            Page<T> page = fetch(pager.current());
            items = page.items();
            pager.nextCursor(page.nextCursor());
        } catch (RuntimeException e) {
            items = List.of();
            pager.nextCursor(null);
            onFailure(e);
        }
    }

    protected List<T> items() {
        return items;
    }

    public CursorPager getPager() {
        return pager;
    }
}
