package io.userdesk.web.directory;

import java.util.List;

/** One page of results and the opaque cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
}
