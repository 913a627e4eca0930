package io.userdesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a user listing sends as Partner Center's filter and sort parameters (reference §1.4). */
class UserListingTest {

    @Test
    void deletedUsersAreAskedForWithTheDocumentedFilterPercentEncoded() {
        String filter = UserListing.DELETED.filter();
        assertEquals("%7B%22Field%22%3A%22UserState%22%2C%22Value%22%3A%22Inactive%22%2C%22Operator%22%3A%22equals%22%7D",
                filter, "no braces left for the REST client to read as a URI template");
        assertEquals("{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}",
                URLDecoder.decode(filter, StandardCharsets.UTF_8));
        assertNull(UserListing.ACTIVE.filter());
    }

    @Test
    void aDirectionIsSentOnlyWithASortField() {
        assertNull(UserListing.ACTIVE.sortDirection());
        assertEquals("descending", new UserListing(false, "DisplayName", true).sortDirection());
        assertEquals("ascending", new UserListing(false, "UserPrincipalName", false).sortDirection());
        assertThrows(IllegalArgumentException.class, () -> new UserListing(false, "Mail", false));
    }
}
