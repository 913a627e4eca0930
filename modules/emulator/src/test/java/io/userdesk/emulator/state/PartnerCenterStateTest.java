package io.userdesk.emulator.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.json.PartnerCenterJson;
import io.userdesk.api.model.ApiFault;
import io.userdesk.api.model.ApiFaultCodes;
import io.userdesk.api.model.Customer;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.PasswordProfile;
import io.userdesk.emulator.seed.SeedFixture;
import jakarta.json.bind.Jsonb;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What a Partner Center client observes from the emulated state: reads, paging, filters and PATCH rules. */
class PartnerCenterStateTest {
    static final String CONTOSO = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0001";
    static final String TAIWAN_CUSTOMER = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0003";
    static final String DANIEL = "a9ef48bb-0000-4000-8000-000000000001";
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private static final SeedFixture SEED = SeedFixture.loadBundled();
    private static final Jsonb JSONB = PartnerCenterJson.create();

    private PartnerCenterState state;

    @BeforeEach
    void freshState() {
        state = new PartnerCenterState(SEED, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        JSONB.close();
    }

    // ------------------------------------------------------------------ reads

    @Test
    void getCustomerCarriesDelegatedAccessButListItemsDoNot() {
        Customer contoso = state.getCustomer(CONTOSO.toUpperCase());
        assertEquals(CONTOSO, contoso.getId());
        assertEquals("Contoso Ltd", contoso.getCompanyProfile().getCompanyName());
        assertEquals("contoso.onmicrosoft.com", contoso.getCompanyProfile().getDomain());
        assertEquals("reseller", contoso.getRelationshipToPartner());
        assertEquals(Boolean.TRUE, contoso.getAllowDelegatedAccess());
        assertEquals("/customers/" + CONTOSO, contoso.getLinks().getSelf().getUri());

        Customer listed = state.listCustomers(ListRequest.firstPage(null)).items().get(0);
        assertNull(listed.getAllowDelegatedAccess());
    }

    @Test
    void unknownCustomerIsTenantNotFound() {
        assertFault(404, ApiFaultCodes.TENANT_NOT_FOUND, () -> state.getCustomer("00000000-0000-0000-0000-000000000000"));
        assertFault(404, ApiFaultCodes.TENANT_NOT_FOUND, () -> state.listUsers("not-a-guid", ListRequest.firstPage(10)));
    }

    @Test
    void unknownUserIsUserObjectIdNotFound() {
        ApiFault fault = assertFault(404, ApiFaultCodes.USER_NOT_FOUND,
                () -> state.getUser(CONTOSO, "00000000-0000-0000-0000-000000000000"));
        assertEquals("User object Id is not found", fault.getDescription());
        assertFault(404, ApiFaultCodes.USER_NOT_FOUND,
                () -> state.updateUser(CONTOSO, "00000000-0000-0000-0000-000000000000", changes(u -> u.setDisplayName("X"))));
        assertFault(404, ApiFaultCodes.TENANT_NOT_FOUND,
                () -> state.updateUser("00000000-0000-0000-0000-000000000000", DANIEL, changes(u -> u.setDisplayName("X"))));
    }

    @Test
    void getUserReturnsTheDocumentedShape() {
        CustomerUser daniel = state.getUser(CONTOSO, DANIEL);
        assertEquals("daniel.tsai@contoso.onmicrosoft.com", daniel.getUserPrincipalName());
        assertEquals("none", daniel.getUserDomainType());
        assertEquals("active", daniel.getState());
        assertEquals("/customers/" + CONTOSO + "/users/" + DANIEL, daniel.getLinks().getSelf().getUri());
        assertEquals("GET", daniel.getLinks().getSelf().getMethod());
        assertEquals("CustomerUser", daniel.getAttributes().getObjectType());
        assertNull(daniel.getPasswordProfile());
        assertNull(daniel.getSoftDeletionTime());
    }

    // ------------------------------------------------------------------ paging

    @Test
    void pagesOf500WalkAll2400ContosoUsersInFivePagesWithoutDuplicates() {
        ListRequest request = ListRequest.firstPage(500);
        List<Integer> pageSizes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Page<CustomerUser> page = state.listUsers(CONTOSO, request);
        while (true) {
            pageSizes.add(page.items().size());
            page.items().forEach(user -> assertTrue(seen.add(user.getId()), "duplicate " + user.getId()));
            if (!page.hasNext()) {
                break;
            }
            page = state.listUsers(CONTOSO, request.next(page.nextContinuationToken()));
        }
        assertEquals(List.of(500, 500, 500, 500, 400), pageSizes);
        assertEquals(2400, seen.size());
        assertTrue(seen.contains(DANIEL));
    }

    @Test
    void noSizeOrSizeZeroReturnsEverythingInOnePage() {
        assertEquals(2400, state.listUsers(CONTOSO, ListRequest.firstPage(null)).items().size());
        Page<CustomerUser> all = state.listUsers(CONTOSO, ListRequest.firstPage(0));
        assertEquals(2400, all.items().size());
        assertFalse(all.hasNext());
        assertEquals(DANIEL, all.items().get(0).getId(), "default order is fixture order");
    }

    @Test
    void sizeOutsideOneTo500IsInvalidInput() {
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> state.listUsers(CONTOSO, ListRequest.firstPage(501)));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> state.listUsers(CONTOSO, ListRequest.firstPage(-1)));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> state.listCustomers(ListRequest.firstPage(501)));
    }

    @Test
    void tokenReusedWithADifferentSortIsRejected() {
        ListRequest byName = new ListRequest(100, null, "DisplayName", "ascending", null, null);
        String token = state.listUsers(CONTOSO, byName).nextContinuationToken();
        ListRequest byPrincipalName = new ListRequest(100, null, "UserPrincipalName", "ascending", "Next", token);
        ApiFault fault = assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> state.listUsers(CONTOSO, byPrincipalName));
        assertEquals("Invalid continuation token", fault.getDescription());

        ListRequest descending = new ListRequest(100, null, "displayname", "Descending", "Next", token);
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> state.listUsers(CONTOSO, descending));
        // the same query in another casing is the same query
        ListRequest sameQuery = new ListRequest(100, null, "displayName", "ASCENDING", "Next", token);
        assertEquals(100, state.listUsers(CONTOSO, sameQuery).items().size());
    }

    @Test
    void tokenFromAnotherListOrTamperedOrMissingIsRejected() {
        String contosoToken = state.listUsers(CONTOSO, ListRequest.firstPage(10)).nextContinuationToken();
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT,
                () -> state.listUsers(TAIWAN_CUSTOMER, ListRequest.firstPage(10).next(contosoToken)));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT,
                () -> state.listCustomers(ListRequest.firstPage(10).next(contosoToken)));
        String tampered = new ContinuationToken("users:" + CONTOSO, 5, 10, null, null, null).encode().substring(1);
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT,
                () -> state.listUsers(CONTOSO, ListRequest.firstPage(10).next(tampered)));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT,
                () -> state.listUsers(CONTOSO, ListRequest.firstPage(10).next(null)));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT,
                () -> state.listUsers(CONTOSO, new ListRequest(10, null, null, null, "Previous", contosoToken)));
    }

    @Test
    void aBareSeekQueryContinuesWithTheTokensFilterAsTheJavaSdkSendsIt() {
        ListRequest deleted = new ListRequest(2, "{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}",
                null, null, null, null);
        Page<CustomerUser> first = state.listUsers(CONTOSO, deleted);
        assertEquals(2, first.items().size());
        Page<CustomerUser> rest = state.listUsers(CONTOSO,
                new ListRequest(null, null, null, null, "Next", first.nextContinuationToken()));
        assertEquals(1, rest.items().size());
        assertEquals("inactive", rest.items().get(0).getState());
        assertFalse(rest.hasNext());
    }

    @Test
    void usersSortByDisplayNameOrUserPrincipalNameEitherWay() {
        List<CustomerUser> descending = state.listUsers(TAIWAN_CUSTOMER,
                new ListRequest(null, null, "DISPLAYNAME", "descending", null, null)).items();
        for (int i = 1; i < descending.size(); i++) {
            assertTrue(String.CASE_INSENSITIVE_ORDER.compare(descending.get(i - 1).getDisplayName(),
                    descending.get(i).getDisplayName()) >= 0);
        }
        List<CustomerUser> ascending = state.listUsers(TAIWAN_CUSTOMER,
                new ListRequest(null, null, "userPrincipalName", "Ascending", null, null)).items();
        for (int i = 1; i < ascending.size(); i++) {
            assertTrue(String.CASE_INSENSITIVE_ORDER.compare(ascending.get(i - 1).getUserPrincipalName(),
                    ascending.get(i).getUserPrincipalName()) <= 0);
        }
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT,
                () -> state.listUsers(CONTOSO, new ListRequest(null, null, "LastName", null, null, null)));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT,
                () -> state.listUsers(CONTOSO, new ListRequest(null, null, "DisplayName", "sideways", null, null)));
    }

    // ------------------------------------------------------------------ filters

    @Test
    void customerFilterStartsWithIgnoresCaseForCompanyNameAndDomain() {
        assertEquals(List.of("Contoso Ltd", "Consolidated Messenger"),
                companyNames("{\"Field\":\"CompanyName\",\"Value\":\"CON\",\"Operator\":\"starts_with\"}"));
        assertEquals(List.of("Contoso Ltd"),
                companyNames("{\"field\":\"CompanyName\",\"value\":\"cont\",\"operator\":\"StartsWith\"}"));
        assertEquals(List.of("臺灣資訊科技股份有限公司"),
                companyNames("{\"Field\":\"Domain\",\"Value\":\"TwInFo\",\"Operator\":\"starts_with\"}"));
        assertEquals(List.of("臺灣資訊科技股份有限公司"),
                companyNames("{\"Field\":\"CompanyName\",\"Value\":\"臺灣\",\"Operator\":\"starts_with\"}"));
        assertEquals(List.of(), companyNames("{\"Field\":\"Domain\",\"Value\":\"contoso.com\",\"Operator\":\"starts_with\"}"),
                "Domain matches the primary domain only");
    }

    @Test
    void customerFilterWithAnotherOperatorOrFieldOrShapeIsInvalidInput() {
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> companyNames(
                "{\"Field\":\"CompanyName\",\"Value\":\"Contoso Ltd\",\"Operator\":\"equals\"}"));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> companyNames(
                "{\"Field\":\"IndirectReseller\",\"Value\":\"x\",\"Operator\":\"starts_with\"}"));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> companyNames("CompanyName=cont"));
        assertFault(400, ApiFaultCodes.INVALID_REQUEST_INPUT, () -> companyNames("{\"Field\":\"CompanyName\"}"));
    }

    @Test
    void deletedUsersFilterAcceptsUserStateAndUserStatus() {
        for (String filter : List.of("{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}",
                "{\"Field\":\"UserStatus\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}",
                "{\"field\":\"userStatus\",\"value\":\"inactive\",\"operator\":\"Equals\"}")) {
            List<CustomerUser> deleted = state.listUsers(CONTOSO, new ListRequest(500, filter, null, null, null, null)).items();
            assertEquals(3, deleted.size(), filter);
            assertTrue(deleted.stream().allMatch(u -> "inactive".equals(u.getState()) && u.getSoftDeletionTime() != null));
        }
        assertTrue(state.listUsers(CONTOSO, ListRequest.firstPage(null)).items().stream()
                .allMatch(u -> "active".equals(u.getState())), "default list excludes deleted users");
    }

    @Test
    void deletedUserCanStillBeReadById() {
        CustomerUser deleted = deletedContosoUser();
        CustomerUser read = state.getUser(CONTOSO, deleted.getId());
        assertEquals("inactive", read.getState());
        assertNotNull(read.getSoftDeletionTime());
    }

    @Test
    void deleteMakesTheUserInactiveWithSoftDeletionTimeAndRestoreBringsItBack() {
        state.deleteUser(CONTOSO, DANIEL);
        CustomerUser deleted = state.getUser(CONTOSO, DANIEL);
        assertEquals("inactive", deleted.getState());
        assertEquals("2026-11-26T09:00:00Z", deleted.getSoftDeletionTime());
        assertThrows(PartnerCenterFault.class, () -> state.deleteUser(CONTOSO, DANIEL), "already deleted: 404");
        CustomerUser restored = state.updateUser(CONTOSO, DANIEL, changes(u -> u.setState("active")));
        assertEquals("active", restored.getState());
        assertNull(restored.getSoftDeletionTime());
    }

    @Test
    void seededDeletionTimesCountBackFromWhenTheStateIsSeeded() {
        List<String> times = state.listUsers(CONTOSO, new ListRequest(null,
                "{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}", null, null, null, null))
                .items().stream().map(CustomerUser::getSoftDeletionTime).toList();
        assertEquals(List.of("2026-11-09T09:00:00Z", "2026-11-17T09:00:00Z", "2026-11-24T09:00:00Z"), times);
    }

    @Test
    void aUserDeletedMoreThan30DaysAgoCannotBeRestored() {
        Instant[] now = {NOW};
        Clock advancing = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        PartnerCenterState future = new PartnerCenterState(SEED, advancing);
        now[0] = NOW.plus(java.time.Duration.ofDays(60));
        CustomerUser old = deletedContosoUser();
        PartnerCenterFault fault = assertThrows(PartnerCenterFault.class,
                () -> future.updateUser(CONTOSO, old.getId(), changes(u -> u.setState("active"))));
        assertEquals(400, fault.httpStatus());
        assertTrue(fault.apiFault().getData().get(0).contains("30 days"));
    }

    // ------------------------------------------------------------------ PATCH

    @Test
    void omittedAndNullPropertiesStayUnchanged() {
        String before = JSONB.toJson(state.getUser(CONTOSO, DANIEL));
        CustomerUser updated = state.updateUser(CONTOSO, DANIEL, changes(u -> u.setUsageLocation("TW")));
        assertEquals("TW", updated.getUsageLocation());
        assertEquals(before.replace("\"usageLocation\":\"US\"", "\"usageLocation\":\"TW\""), JSONB.toJson(updated));

        CustomerUser explicitNulls = changes(u -> {
            u.setDisplayName(null);
            u.setFirstName(null);
            u.setUserPrincipalName(null);
        });
        assertEquals(JSONB.toJson(updated), JSONB.toJson(state.updateUser(CONTOSO, DANIEL, explicitNulls)));
    }

    @Test
    void dotNetFullObjectPatchWithNullsChangesOnlyTheGivenFields() {
        CustomerUser before = state.getUser(CONTOSO, DANIEL);
        String dotNetBody = "{\"UsageLocation\":\"JP\",\"Id\":null,\"UserPrincipalName\":null,\"FirstName\":null,"
                + "\"LastName\":null,\"DisplayName\":\"Daniel Tsai (Sales)\",\"ImmutableId\":null,\"PasswordProfile\":null,"
                + "\"PhoneNumber\":null,\"LastDirectorySyncTime\":null,\"UserDomainType\":\"none\",\"State\":\"active\","
                + "\"SoftDeletionTime\":null,\"Links\":null,\"Attributes\":{\"Etag\":null,\"ObjectType\":\"CustomerUser\"}}";
        CustomerUser changes = JSONB.fromJson(dotNetBody, CustomerUser.class);

        CustomerUser after = state.updateUser(CONTOSO, DANIEL, changes);

        assertEquals("JP", after.getUsageLocation());
        assertEquals("Daniel Tsai (Sales)", after.getDisplayName());
        assertEquals(before.getUserPrincipalName(), after.getUserPrincipalName());
        assertEquals(before.getFirstName(), after.getFirstName());
        assertEquals(before.getLastName(), after.getLastName());
        assertEquals("active", after.getState());
        assertEquals("none", after.getUserDomainType());
        assertNull(after.getSoftDeletionTime());
        assertEquals(before.getLinks().getSelf().getUri(), after.getLinks().getSelf().getUri());
        assertNull(after.getPasswordProfile());
    }

    @Test
    void readOnlyPropertiesInTheBodyAreIgnored() {
        CustomerUser changes = changes(u -> {
            u.setId("11111111-1111-1111-1111-111111111111");
            u.setUserDomainType("federated");
            u.setLastDirectorySyncTime("2020-01-01T00:00:00Z");
            u.setSoftDeletionTime("2020-01-01T00:00:00Z");
        });
        CustomerUser after = state.updateUser(CONTOSO, DANIEL, changes);
        assertEquals(DANIEL, after.getId());
        assertEquals("none", after.getUserDomainType());
        assertNull(after.getLastDirectorySyncTime());
        assertNull(after.getSoftDeletionTime());
    }

    @Test
    void javaSdkPascalCasePasswordProfileResetsThePasswordWithoutStoringIt() {
        String javaSdkBody = "{\"passwordProfile\":{\"ForceChangePassword\":true,\"Password\":\"Renew456*\"},"
                + "\"attributes\":{\"objectType\":\"CustomerUser\"}}";
        CustomerUser changes = JSONB.fromJson(javaSdkBody, CustomerUser.class);

        CustomerUser response = state.updateUser(CONTOSO, DANIEL, changes);

        assertEquals(new PasswordProfile("Renew456*", true).toString(), response.getPasswordProfile().toString());
        assertEquals("Renew456*", response.getPasswordProfile().getPassword(), "the reset response echoes it, as documented");
        assertEquals(new PasswordReset(NOW, true), state.lastPasswordReset(CONTOSO, DANIEL).orElseThrow());
        String readBack = JSONB.toJson(state.getUser(CONTOSO, DANIEL));
        assertFalse(readBack.contains("Renew456*"));
        assertFalse(readBack.contains("passwordProfile"));
        assertFalse(JSONB.toJson(state.listUsers(CONTOSO, ListRequest.firstPage(1))).contains("Renew456*"));
    }

    @Test
    void weakPasswordIsAnInvalidProperty() {
        ApiFault fault = assertFault(400, ApiFaultCodes.INVALID_PROPERTY, () -> state.updateUser(CONTOSO, DANIEL,
                changes(u -> u.setPasswordProfile(new PasswordProfile("abcdefghij", false)))));
        assertEquals(1, fault.getData().size());
        assertTrue(fault.getData().get(0).startsWith("passwordProfile.password: "), fault.getData().toString());
        assertFalse(fault.getData().get(0).contains("abcdefghij"), "the fault never repeats the password");
        assertTrue(state.lastPasswordReset(CONTOSO, DANIEL).isEmpty());
    }

    @Test
    void invalidUsageLocationIsReportedWithTheFieldName() {
        ApiFault fault = assertFault(400, ApiFaultCodes.INVALID_PROPERTY,
                () -> state.updateUser(CONTOSO, DANIEL, changes(u -> u.setUsageLocation("XX"))));
        assertEquals("Invalid property", fault.getDescription());
        assertEquals("PartnerApiServiceControllers", fault.getSource());
        assertEquals(1, fault.getData().size());
        assertTrue(fault.getData().get(0).startsWith("usageLocation: "), fault.getData().toString());
        assertEquals("US", state.getUser(CONTOSO, DANIEL).getUsageLocation(), "nothing changed");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ApiFault fault = assertFault(400, ApiFaultCodes.INVALID_PROPERTY, () -> state.updateUser(CONTOSO, DANIEL, changes(u -> {
            u.setUsageLocation("us");
            u.setDisplayName(" ");
            u.setUserPrincipalName("daniel@fabrikam.com");
        })));
        assertEquals(3, fault.getData().size(), fault.getData().toString());
    }

    @Test
    void userPrincipalNameMayMoveToACustomDomain() {
        CustomerUser after = state.updateUser(CONTOSO, DANIEL, changes(u -> u.setUserPrincipalName("Daniel.Tsai@Contoso.com.tw")));
        assertEquals("Daniel.Tsai@Contoso.com.tw", after.getUserPrincipalName());
    }

    @Test
    void userPrincipalNameOfAnotherActiveUserIsAConflict() {
        CustomerUser other = state.listUsers(CONTOSO, ListRequest.firstPage(2)).items().get(1);
        String taken = other.getUserPrincipalName().toUpperCase();
        ApiFault fault = assertFault(409, ApiFaultCodes.ALREADY_EXISTS,
                () -> state.updateUser(CONTOSO, DANIEL, changes(u -> u.setUserPrincipalName(taken))));
        assertEquals("Another object with the same value for property userPrincipalName already exists.", fault.getDescription());
        assertEquals("daniel.tsai@contoso.onmicrosoft.com", state.getUser(CONTOSO, DANIEL).getUserPrincipalName());
    }

    @Test
    void userPrincipalNameOfADeletedUserIsFree() {
        CustomerUser deleted = deletedContosoUser();
        CustomerUser after = state.updateUser(CONTOSO, DANIEL, changes(u -> u.setUserPrincipalName(deleted.getUserPrincipalName())));
        assertEquals(deleted.getUserPrincipalName(), after.getUserPrincipalName());
        // ... and restoring the deleted user now clashes
        assertFault(409, ApiFaultCodes.ALREADY_EXISTS,
                () -> state.updateUser(CONTOSO, deleted.getId(), changes(u -> u.setState("active"))));
    }

    @Test
    void dotNetRestoreBodyReactivatesADeletedUser() {
        CustomerUser deleted = deletedContosoUser();
        String dotNetRestore = "{\"UsageLocation\":null,\"Id\":null,\"UserPrincipalName\":null,\"FirstName\":null,"
                + "\"LastName\":null,\"DisplayName\":null,\"PasswordProfile\":null,\"UserDomainType\":\"none\","
                + "\"State\":\"active\",\"SoftDeletionTime\":null,\"Attributes\":{\"ObjectType\":\"CustomerUser\"}}";

        CustomerUser restored = state.updateUser(CONTOSO, deleted.getId(), JSONB.fromJson(dotNetRestore, CustomerUser.class));

        assertEquals("active", restored.getState());
        assertNull(restored.getSoftDeletionTime());
        assertEquals(deleted.getUserPrincipalName(), restored.getUserPrincipalName());
        assertEquals(deleted.getDisplayName(), restored.getDisplayName());
        assertEquals(2401, state.listUsers(CONTOSO, ListRequest.firstPage(null)).items().size());
    }

    @Test
    void deletedUserMustBeRestoredBeforeOtherChangesAndPatchCannotDelete() {
        CustomerUser deleted = deletedContosoUser();
        ApiFault editDeleted = assertFault(400, ApiFaultCodes.INVALID_PROPERTY,
                () -> state.updateUser(CONTOSO, deleted.getId(), changes(u -> u.setDisplayName("Back again"))));
        assertTrue(editDeleted.getData().get(0).startsWith("state: "));
        assertFault(400, ApiFaultCodes.INVALID_PROPERTY,
                () -> state.updateUser(CONTOSO, DANIEL, changes(u -> u.setState("inactive"))));
        assertFault(400, ApiFaultCodes.INVALID_PROPERTY,
                () -> state.updateUser(CONTOSO, DANIEL, changes(u -> u.setState("suspended"))));
        assertEquals("active", state.getUser(CONTOSO, DANIEL).getState());
    }

    @Test
    void resetRestoresTheFixture() {
        state.updateUser(CONTOSO, DANIEL, changes(u -> u.setDisplayName("Someone Else")));
        state.reset(SEED);
        assertEquals("Daniel Tsai", state.getUser(CONTOSO, DANIEL).getDisplayName());
    }

    // ------------------------------------------------------------------ helpers

    private CustomerUser deletedContosoUser() {
        return state.listUsers(CONTOSO, new ListRequest(null,
                "{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}", null, null, null, null)).items().get(0);
    }

    private List<String> companyNames(String filter) {
        return state.listCustomers(new ListRequest(null, filter, null, null, null, null)).items().stream()
                .map(Customer::companyName).toList();
    }

    private static CustomerUser changes(java.util.function.Consumer<CustomerUser> edits) {
        CustomerUser changes = new CustomerUser();
        edits.accept(changes);
        return changes;
    }

    static ApiFault assertFault(int status, int code, Executable call) {
        PartnerCenterFault fault = assertThrows(PartnerCenterFault.class, call);
        assertEquals(status, fault.httpStatus(), fault.getMessage());
        assertEquals(code, fault.apiFault().getCode(), fault.getMessage());
        return fault.apiFault();
    }
}
