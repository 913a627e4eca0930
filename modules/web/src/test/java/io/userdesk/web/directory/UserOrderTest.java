package io.userdesk.web.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.userdesk.client.UserListing;
import org.junit.jupiter.api.Test;

class UserOrderTest {

    @Test
    void eachOrderAsksPartnerCenterToSortTheActiveUsers() {
        assertEquals(UserListing.ACTIVE, UserOrder.DEFAULT.activeUsers());
        assertEquals(new UserListing(false, "DisplayName", false), UserOrder.DISPLAY_NAME.activeUsers());
        assertEquals(new UserListing(false, "DisplayName", true), UserOrder.DISPLAY_NAME_DESCENDING.activeUsers());
        assertEquals(new UserListing(false, "UserPrincipalName", false), UserOrder.USER_PRINCIPAL_NAME.activeUsers());
        assertEquals(new UserListing(false, "UserPrincipalName", true),
                UserOrder.USER_PRINCIPAL_NAME_DESCENDING.activeUsers());
    }

    @Test
    void anUnknownOrNoValueIsTheDefaultOrder() {
        assertEquals(UserOrder.DEFAULT, UserOrder.parse(null));
        assertEquals(UserOrder.DEFAULT, UserOrder.parse("sideways"));
        assertEquals(UserOrder.USER_PRINCIPAL_NAME, UserOrder.parse(" user_principal_name "));
    }
}
