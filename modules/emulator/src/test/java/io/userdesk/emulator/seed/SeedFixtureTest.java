package io.userdesk.emulator.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.validation.CustomerUserRules;
import io.userdesk.api.validation.UsageLocations;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The facts other modules' tests rely on hold in the bundled fixture, and every seeded value passes the shared rules. */
class SeedFixtureTest {
    private static final SeedFixture FIXTURE = SeedFixture.loadBundled();
    private static final String CONTOSO_ID = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0001";

    @Test
    void contosoHas2400ActiveAnd3DeletedUsersStartingWithDanielTsai() {
        SeedCustomer contoso = customer(CONTOSO_ID);
        assertEquals("Contoso Ltd", contoso.companyName);
        assertEquals("contoso.onmicrosoft.com", contoso.domain);
        assertEquals(List.of("contoso.com", "contoso.com.tw"), contoso.customDomains);
        assertEquals(2400, contoso.users.stream().filter(u -> u.state == null).count());
        List<SeedUser> deleted = contoso.users.stream().filter(u -> "inactive".equals(u.state)).toList();
        assertEquals(3, deleted.size());
        // relative to the emulator's start, so restore keeps working whatever the date (not fixed dates that expire)
        assertEquals(List.of(17, 9, 2), deleted.stream().map(u -> u.deletedDaysAgo).toList());
        assertTrue(deleted.stream().allMatch(u -> u.softDeletionTime == null));

        SeedUser first = contoso.users.get(0);
        assertEquals("a9ef48bb-0000-4000-8000-000000000001", first.id);
        assertEquals("Daniel Tsai", first.displayName);
        assertEquals("daniel.tsai@contoso.onmicrosoft.com", first.userPrincipalName);
        assertEquals("US", first.usageLocation);
        assertNull(contoso.users.get(1).usageLocation, "second user has no usageLocation, as in the documented list");
    }

    @Test
    void otherCustomersHave5To60UsersAndOneHasATraditionalChineseName() {
        assertTrue(FIXTURE.customers.size() >= 5);
        FIXTURE.customers.stream().filter(c -> !c.id.equals(CONTOSO_ID))
                .forEach(c -> assertTrue(c.users.size() >= 5 && c.users.size() <= 60, c.companyName));
        assertTrue(FIXTURE.customers.stream().anyMatch(c -> c.companyName.equals("臺灣資訊科技股份有限公司")));
        assertTrue(allUsers().anyMatch(u -> u.displayName.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
                == Character.UnicodeScript.HAN)), "some users have Chinese display names");
        assertTrue(allUsers().filter(u -> u.usageLocation == null).count() >= 3, "a few users have no usageLocation");
    }

    @Test
    void idsAndUserPrincipalNamesAreUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> principalNames = new HashSet<>();
        allUsers().forEach(u -> {
            assertTrue(ids.add(u.id), "duplicate id " + u.id);
            assertTrue(principalNames.add(u.userPrincipalName.toLowerCase(Locale.ROOT)), "duplicate UPN " + u.userPrincipalName);
        });
        assertEquals(FIXTURE.customers.size(), FIXTURE.customers.stream().map(c -> c.id).collect(Collectors.toSet()).size());
    }

    @Test
    void everySeededValuePassesTheSharedRules() {
        for (SeedCustomer customer : FIXTURE.customers) {
            Set<String> domains = new HashSet<>(customer.customDomains);
            domains.add(customer.domain);
            for (SeedUser user : customer.users) {
                assertTrue(CustomerUserRules.checkUserPrincipalName(user.userPrincipalName, domains).isEmpty(), user.userPrincipalName);
                assertTrue(CustomerUserRules.checkDisplayName(user.displayName).isEmpty(), user.displayName);
                assertTrue(CustomerUserRules.checkFirstName(user.firstName).isEmpty(), user.firstName);
                assertTrue(CustomerUserRules.checkLastName(user.lastName).isEmpty(), user.lastName);
                assertTrue(user.usageLocation == null || UsageLocations.isValid(user.usageLocation), user.usageLocation);
            }
        }
    }

    private static SeedCustomer customer(String id) {
        return FIXTURE.customers.stream().filter(c -> c.id.equals(id)).findFirst().orElseThrow();
    }

    private static Stream<SeedUser> allUsers() {
        return FIXTURE.customers.stream().flatMap(c -> c.users.stream());
    }
}
