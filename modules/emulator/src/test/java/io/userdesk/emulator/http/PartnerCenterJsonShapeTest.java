package io.userdesk.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.json.PartnerCenterJson;
import io.userdesk.api.model.CustomerCollection;
import io.userdesk.api.model.CustomerUserCollection;
import io.userdesk.emulator.seed.SeedFixture;
import io.userdesk.emulator.state.ListRequest;
import io.userdesk.emulator.state.Page;
import io.userdesk.emulator.state.PartnerCenterFault;
import io.userdesk.emulator.state.PartnerCenterState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The JSON a client receives, written with the same JSON-B configuration the server registers. */
class PartnerCenterJsonShapeTest {
    private static final String CONTOSO = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0001";
    private static final String DANIEL = "a9ef48bb-0000-4000-8000-000000000001";
    private static final PartnerCenterState STATE = new PartnerCenterState(SeedFixture.loadBundled(), Clock.systemUTC());
    private static final Jsonb JSONB = PartnerCenterJson.create();

    @AfterAll
    static void closeJsonb() throws Exception {
        JSONB.close();
    }

    @Test
    void userIsCamelCaseWithLinksAndAttributesAndNoNulls() {
        JsonObject user = parse(JSONB.toJson(STATE.getUser(CONTOSO, DANIEL)));
        assertEquals("US", user.getString("usageLocation"));
        assertEquals("daniel.tsai@contoso.onmicrosoft.com", user.getString("userPrincipalName"));
        assertEquals("none", user.getString("userDomainType"));
        assertEquals("active", user.getString("state"));
        assertEquals(parse("{\"self\":{\"uri\":\"/customers/" + CONTOSO + "/users/" + DANIEL
                + "\",\"method\":\"GET\",\"headers\":[]}}"), user.getJsonObject("links"));
        assertEquals(parse("{\"objectType\":\"CustomerUser\"}"), user.getJsonObject("attributes"));
        for (String absent : List.of("passwordProfile", "softDeletionTime", "lastDirectorySyncTime", "immutableId", "phoneNumber")) {
            assertFalse(user.containsKey(absent), absent);
        }
        assertFalse(JSONB.toJson(STATE.getUser(CONTOSO, DANIEL)).contains("null"));
    }

    @Test
    void userWithoutUsageLocationHasNoSuchProperty() {
        var second = STATE.listUsers(CONTOSO, ListRequest.firstPage(2)).items().get(1);
        assertFalse(parse(JSONB.toJson(second)).containsKey("usageLocation"));
    }

    @Test
    void firstUserPageHasNextLinkWithQueryAndContinuationHeader() {
        String rawQuery = "size=500&sortField=DisplayName";
        Page<io.userdesk.api.model.CustomerUser> page = STATE.listUsers(CONTOSO,
                new ListRequest(500, null, "DisplayName", null, null, null));
        String path = CollectionResponses.apiPath("v1/customers/" + CONTOSO + "/users");

        JsonObject collection = parse(JSONB.toJson(
                CollectionResponses.fill(new CustomerUserCollection(), page, path, rawQuery)));

        assertEquals(500, collection.getInt("totalCount"));
        assertEquals(500, collection.getJsonArray("items").size());
        assertEquals("Collection", collection.getJsonObject("attributes").getString("objectType"));
        JsonObject links = collection.getJsonObject("links");
        assertEquals("/customers/" + CONTOSO + "/users?size=500&sortField=DisplayName",
                links.getJsonObject("self").getString("uri"));
        JsonObject next = links.getJsonObject("next");
        assertEquals("/customers/" + CONTOSO + "/users?size=500&sortField=DisplayName&seekOperation=Next", next.getString("uri"));
        assertEquals("GET", next.getString("method"));
        JsonObject header = next.getJsonArray("headers").getJsonObject(0);
        assertEquals("MS-ContinuationToken", header.getString("key"));
        assertEquals(page.nextContinuationToken(), header.getString("value"));
        assertEquals(page.nextContinuationToken(), collection.getString("continuationToken"));
        assertTrue(header.getString("value").matches("[A-Za-z0-9_-]+"), "URL-safe token");
    }

    @Test
    void followingPagesDoNotRepeatSeekOperationAndTheLastHasNoNext() {
        assertEquals("size=500&seekOperation=Next", CollectionResponses.queryForNext("size=500&seekOperation=Next"));
        assertEquals("seekOperation=Next", CollectionResponses.queryForNext(null));

        Page<io.userdesk.api.model.Customer> all = STATE.listCustomers(ListRequest.firstPage(null));
        JsonObject collection = parse(JSONB.toJson(CollectionResponses.fill(new CustomerCollection(), all, "/customers", null)));
        assertFalse(collection.getJsonObject("links").containsKey("next"));
        assertFalse(collection.containsKey("continuationToken"));
        assertEquals("/customers", collection.getJsonObject("links").getJsonObject("self").getString("uri"));
        assertEquals(collection.getJsonArray("items").size(), collection.getInt("totalCount"));
    }

    @Test
    void customerListItemsOmitDelegatedAccessAndDetailCarriesIt() {
        JsonObject item = parse(JSONB.toJson(STATE.listCustomers(ListRequest.firstPage(1)).items().get(0)));
        assertFalse(item.containsKey("allowDelegatedAccess"));
        assertEquals("reseller", item.getString("relationshipToPartner"));
        assertEquals(parse("{\"tenantId\":\"" + CONTOSO + "\",\"domain\":\"contoso.onmicrosoft.com\",\"companyName\":\"Contoso Ltd\","
                + "\"attributes\":{\"objectType\":\"CustomerCompanyProfile\"}}"), item.getJsonObject("companyProfile"));
        assertEquals("/customers/" + CONTOSO, item.getJsonObject("links").getJsonObject("self").getString("uri"));
        assertEquals("Customer", item.getJsonObject("attributes").getString("objectType"));

        JsonObject detail = parse(JSONB.toJson(STATE.getCustomer(CONTOSO)));
        assertTrue(detail.getBoolean("allowDelegatedAccess"));
        assertEquals(Json.createArrayBuilder().add("contoso.com").add("contoso.com.tw").build(), detail.getJsonArray("customDomains"));
    }

    @Test
    void faultBodyHasNumericCodeDescriptionDataAndSource() {
        JsonObject fault = parse(JSONB.toJson(PartnerCenterFault.invalidProperty(List.of("usageLocation: bad")).apiFault()));
        assertEquals(parse("{\"code\":3000,\"description\":\"Invalid property\",\"data\":[\"usageLocation: bad\"],"
                + "\"source\":\"PartnerApiServiceControllers\"}"), fault);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
