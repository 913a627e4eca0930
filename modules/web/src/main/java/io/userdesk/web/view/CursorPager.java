package io.userdesk.web.view;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Forward/back paging over opaque cursors: Partner Center and the audit store page by continuation, not by number,
 * so the pager remembers the cursors it came through to offer "Previous".
 */
public class CursorPager implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Deque<String> previous = new ArrayDeque<>();
    private String current;
    private String next;
    private int pageNumber = 1;

    public void reset() {
        previous.clear();
        current = null;
        next = null;
        pageNumber = 1;
    }

    /** Moves to the next page; returns false when there is none. */
    public boolean forward() {
        if (next == null) {
            return false;
        }
        previous.push(current == null ? "" : current);
        current = next;
        pageNumber++;
        return true;
    }

    public boolean back() {
        if (previous.isEmpty()) {
            return false;
        }
        String cursor = previous.pop();
        current = cursor.isEmpty() ? null : cursor;
        pageNumber--;
        return true;
    }

    public String current() { return current; }
    public void nextCursor(String nextCursor) { this.next = nextCursor; }
    public boolean isHasNext() { return next != null; }
    public boolean isHasPrevious() { return !previous.isEmpty(); }
    public int getPageNumber() { return pageNumber; }
}
