package io.userdesk.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.json.PartnerCenterJson;
import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;

/** Reading is case-insensitive (the .NET SDK sends PascalCase), writing is camelCase without nulls. */
class PartnerCenterJsonTest {
    private final Jsonb jsonb = PartnerCenterJson.create();

    @Test
    void pascalCaseBodiesOfTheDotNetAndJavaSdksAreRead() {
        CustomerUser user = jsonb.fromJson("{\"DisplayName\":\"Daniel\",\"UsageLocation\":\"TW\",\"State\":\"active\","
                + "\"FirstName\":null,\"PasswordProfile\":{\"Password\":\"Renew456*\",\"ForceChangePassword\":true},"
                + "\"Attributes\":{\"ObjectType\":\"CustomerUser\"}}", CustomerUser.class);
        assertEquals("Daniel", user.getDisplayName());
        assertEquals("TW", user.getUsageLocation());
        assertNull(user.getFirstName());
        assertEquals("Renew456*", user.getPasswordProfile().getPassword());
        assertTrue(user.getPasswordProfile().getForceChangePassword());
        assertEquals("CustomerUser", user.getAttributes().getObjectType());
    }

    @Test
    void writtenJsonIsCamelCaseAndLeavesAbsentFieldsOut() {
        CustomerUser user = new CustomerUser();
        user.setUsageLocation("TW");
        user.setAttributes(ResourceAttributes.of(CustomerUser.OBJECT_TYPE));
        String json = jsonb.toJson(user);
        assertTrue(json.contains("\"usageLocation\":\"TW\""), json);
        assertTrue(json.contains("\"objectType\":\"CustomerUser\""), json);
        assertFalse(json.contains("null"), json);
        assertFalse(json.contains("displayName"), json);
    }

    @Test
    void thePasswordIsNeverInAProfilesTextForm() {
        assertFalse(new PasswordProfile("Renew456*", true).toString().contains("Renew456*"));
    }

    @Test
    void aCollectionsNextTokenComesFromItsNextLinkHeader() {
        CustomerUserCollection page = jsonb.fromJson("{\"totalCount\":1,\"items\":[{\"id\":\"u1\"}],\"links\":{\"next\":"
                + "{\"uri\":\"/customers/c/users?size=1&seekOperation=Next\",\"method\":\"GET\",\"headers\":"
                + "[{\"key\":\"MS-ContinuationToken\",\"value\":\"abc\"}]}},\"attributes\":{\"objectType\":\"Collection\"}}",
                CustomerUserCollection.class);
        assertEquals("u1", page.getItems().get(0).getId());
        assertEquals("abc", page.nextContinuationToken().orElseThrow());
        assertTrue(new CustomerUserCollection().nextContinuationToken().isEmpty());
    }
}
