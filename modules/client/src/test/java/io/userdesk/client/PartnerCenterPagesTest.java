package io.userdesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.CustomerUserCollection;
import io.userdesk.api.model.KeyValuePair;
import io.userdesk.api.model.Link;
import io.userdesk.api.model.ResourceLinks;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Following continuation tokens, and joining link URIs without the Java SDK's "//" (reference §1.4, §6.7). */
class PartnerCenterPagesTest {

    private static CustomerUserCollection page(String nextToken, String... ids) {
        CustomerUserCollection page = new CustomerUserCollection();
        List<CustomerUser> items = new ArrayList<>();
        for (String id : ids) {
            CustomerUser user = new CustomerUser();
            user.setId(id);
            items.add(user);
        }
        page.setItems(items);
        ResourceLinks links = new ResourceLinks(Link.get("/customers/c/users?size=2"));
        if (nextToken != null) {
            links.setNext(new Link("/customers/c/users?size=2&seekOperation=Next", "GET",
                    List.of(new KeyValuePair("MS-ContinuationToken", nextToken))));
        }
        page.setLinks(links);
        return page;
    }

    @Test
    void followsContinuationTokensUntilThereIsNoNextLink() {
        List<String> tokensSent = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Optional<String> rest = PartnerCenterPages.forEachPage(token -> {
            tokensSent.add(token);
            return token == null ? page("t1", "a", "b") : token.equals("t1") ? page("t2", "c", "d") : page(null, "e");
        }, p -> p.getItems().forEach(u -> seen.add(u.getId())), 10);
        assertEquals(java.util.Arrays.asList(null, "t1", "t2"), tokensSent);
        assertEquals(List.of("a", "b", "c", "d", "e"), seen);
        assertTrue(rest.isEmpty());
    }

    @Test
    void stopsAtMaxPagesAndSaysWhereToGoOn() {
        Optional<String> rest = PartnerCenterPages.forEachPage(token -> page("again", "x"), p -> { }, 3);
        assertEquals(Optional.of("again"), rest);
    }

    @Test
    void joinsLinkUrisWithOneSlash() {
        URI root = URI.create("https://api.partnercenter.microsoft.com");
        assertEquals("https://api.partnercenter.microsoft.com/v1/customers/c/users?size=2&seekOperation=Next",
                PartnerCenterPages.resolveLink(root, "/customers/c/users?size=2&seekOperation=Next").toString());
        assertEquals("https://api.partnercenter.microsoft.com/v1/customers?size=40",
                PartnerCenterPages.resolveLink(URI.create("https://api.partnercenter.microsoft.com/"), "/v1/customers?size=40")
                        .toString(), "a link that already has /v1 gets no second one");
        assertEquals("http://127.0.0.1:8080/partner-center/v1/customers/c",
                PartnerCenterPages.resolveLink(URI.create("http://127.0.0.1:8080/partner-center"), "customers/c").toString());
    }
}
