package io.userdesk.emulator.http;

import io.userdesk.api.model.KeyValuePair;
import io.userdesk.api.model.Link;
import io.userdesk.api.model.ResourceAttributes;
import io.userdesk.api.model.ResourceCollection;
import io.userdesk.api.model.ResourceLinks;
import io.userdesk.api.rest.PartnerCenterHeaders;
import io.userdesk.emulator.state.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a {@link Page} in Partner Center's collection shape (reference §1.3, §1.4): {@code totalCount} is the number
 * of items in this page, {@code links.self} is the request itself, and when more follow {@code links.next} repeats
 * the request's query with {@code seekOperation=Next} and carries the token in an {@code MS-ContinuationToken}
 * header, which is exactly what both SDK enumerators replay. Link URIs are relative and start after {@code /v1},
 * as in the documented user links.
 */
final class CollectionResponses {
    static final String SEEK_NEXT = "seekOperation=Next";

    private CollectionResponses() {
    }

    /**
     * @param apiPath  the request path after {@code /v1}, e.g. {@code /customers/42/users}
     * @param rawQuery the request's query string, still URL-encoded, or null
     */
    static <T, C extends ResourceCollection<T>> C fill(C collection, Page<T> page, String apiPath, String rawQuery) {
        collection.setItems(new ArrayList<>(page.items()));
        collection.setTotalCount(page.items().size());
        ResourceLinks links = new ResourceLinks(Link.get(rawQuery == null || rawQuery.isEmpty() ? apiPath : apiPath + "?" + rawQuery));
        if (page.hasNext()) {
            links.setNext(new Link(apiPath + "?" + queryForNext(rawQuery), "GET",
                    List.of(new KeyValuePair(PartnerCenterHeaders.CONTINUATION_TOKEN, page.nextContinuationToken()))));
            collection.setContinuationToken(page.nextContinuationToken());
        }
        collection.setLinks(links);
        collection.setAttributes(ResourceAttributes.of(ResourceCollection.OBJECT_TYPE));
        return collection;
    }

    /** The original query without any earlier {@code seekOperation}, followed by {@code seekOperation=Next}. */
    static String queryForNext(String rawQuery) {
        List<String> kept = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String parameter : rawQuery.split("&")) {
                String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                if (!parameter.isEmpty() && !name.equalsIgnoreCase("seekOperation")) {
                    kept.add(parameter);
                }
            }
        }
        kept.add(SEEK_NEXT);
        return String.join("&", kept);
    }

    /** The request path as Partner Center links write it: from {@code /customers}, without the {@code /v1} version. */
    static String apiPath(String pathFromApplicationRoot) {
        String path = pathFromApplicationRoot.startsWith("/") ? pathFromApplicationRoot : "/" + pathFromApplicationRoot;
        return path.startsWith("/v1/") ? path.substring(3) : path;
    }
}
