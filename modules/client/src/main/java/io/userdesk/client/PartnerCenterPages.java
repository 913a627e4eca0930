package io.userdesk.client;

import io.userdesk.api.model.ResourceCollection;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Paging helpers (reference §1.4). Partner Center pages by seek: each collection's {@code links.next} names the next
 * request and carries its {@code MS-ContinuationToken} header (also in the body as {@code continuationToken}).
 * {@link #forEachPage} follows the tokens until there is no next link; {@link #resolveLink} turns a link's relative
 * URI into an absolute one with exactly one slash after {@code /v1}, which is where the Java SDK goes wrong (it joins
 * {@code v1/} and {@code /customers/…} into {@code v1//customers/…}, §6.7).
 */
public final class PartnerCenterPages {

    private PartnerCenterPages() {
    }

    /**
     * Reads pages starting without a token, handing each to {@code onPage}, until Partner Center gives no next link or
     * {@code maxPages} were read. Returns the token to continue with, or empty when the list is complete.
     *
     * @param fetch reads one page for a continuation token (null for the first page)
     */
    public static <T, C extends ResourceCollection<T>> Optional<String> forEachPage(Function<String, C> fetch,
                                                                                   Consumer<C> onPage, int maxPages) {
        String token = null;
        for (int read = 0; read < maxPages; read++) {
            C page = fetch.apply(token);
            onPage.accept(page);
            Optional<String> next = page.nextContinuationToken();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            token = next.get();
        }
        return Optional.ofNullable(token);
    }

    /**
     * The absolute URL of a Partner Center link: {@code apiRoot} (e.g. {@code https://api.partnercenter.microsoft.com})
     * + {@code /v1/} + the link's URI without its leading slash. A URI that already starts with {@code /v1/} (one
     * documented collection self link does) is not given a second version segment.
     */
    public static URI resolveLink(URI apiRoot, String linkUri) {
        String root = apiRoot.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        String relative = linkUri;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        if (relative.startsWith("v1/")) {
            relative = relative.substring(3);
        }
        return URI.create(root + "/v1/" + relative);
    }
}
