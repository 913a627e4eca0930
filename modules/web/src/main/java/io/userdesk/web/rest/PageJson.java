package io.userdesk.web.rest;

import java.util.List;

/** The portal API's page shape: {@code {"items":[…],"nextCursor":…}}; {@code nextCursor} is absent on the last page. */
public record PageJson<T>(List<T> items, String nextCursor) {
}
