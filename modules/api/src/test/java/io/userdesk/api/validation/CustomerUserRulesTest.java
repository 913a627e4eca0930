package io.userdesk.api.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.PasswordProfile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every rule of reference §3, accepted and rejected, as the UI, the API and the emulator apply it. */
class CustomerUserRulesTest {
    private static final Set<String> DOMAINS = Set.of("contoso.onmicrosoft.com", "contoso.com");

    private static String code(Optional<FieldViolation> violation) {
        return violation.map(FieldViolation::code).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "TW", "GB", "JP", "DE"})
    void usageLocationAcceptsIsoAlpha2Codes(String code) {
        assertTrue(CustomerUserRules.checkUsageLocation(code).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "tw", "USA", "U", "", "1A", "ZZ"})
    void usageLocationRejectsAnythingElse(String code) {
        Optional<FieldViolation> violation = CustomerUserRules.checkUsageLocation(code);
        assertEquals("usageLocation.invalid", code(violation));
        assertEquals("usageLocation", violation.get().field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"daniel@contoso.com", "d.tsai@contoso.onmicrosoft.com", "a'b-c_d!e#f^g~h@CONTOSO.COM",
            "x@contoso.com"})
    void userPrincipalNameAcceptsAllowedCharactersOnTheCustomersDomains(String upn) {
        assertTrue(CustomerUserRules.checkUserPrincipalName(upn, DOMAINS).isEmpty(), upn);
    }

    @Test
    void userPrincipalNameRejectsEachBrokenRuleWithItsOwnCode() {
        assertEquals("userPrincipalName.required", code(CustomerUserRules.checkUserPrincipalName(" ", DOMAINS)));
        assertEquals("userPrincipalName.format", code(CustomerUserRules.checkUserPrincipalName("daniel.contoso.com", DOMAINS)));
        assertEquals("userPrincipalName.format", code(CustomerUserRules.checkUserPrincipalName("a@b@contoso.com", DOMAINS)));
        assertEquals("userPrincipalName.aliasRequired", code(CustomerUserRules.checkUserPrincipalName("@contoso.com", DOMAINS)));
        assertEquals("userPrincipalName.characters", code(CustomerUserRules.checkUserPrincipalName("dan iel@contoso.com", DOMAINS)));
        assertEquals("userPrincipalName.characters", code(CustomerUserRules.checkUserPrincipalName("josé@contoso.com", DOMAINS)));
        assertEquals("userPrincipalName.dotBeforeAt", code(CustomerUserRules.checkUserPrincipalName("daniel.@contoso.com", DOMAINS)));
        assertEquals("userPrincipalName.domainFormat", code(CustomerUserRules.checkUserPrincipalName("daniel@contoso", DOMAINS)));
        assertEquals("userPrincipalName.domainFormat", code(CustomerUserRules.checkUserPrincipalName("daniel@con_toso.com", DOMAINS)));
        assertEquals("userPrincipalName.domainNotVerified",
                code(CustomerUserRules.checkUserPrincipalName("daniel@fabrikam.com", DOMAINS)));
    }

    @Test
    void userPrincipalNameLengthsAre64BeforeThe48AfterAnd113InAll() {
        String alias64 = "a".repeat(64);
        String domain48 = "d".repeat(44) + ".com";
        Set<String> longDomain = Set.of(domain48);
        assertTrue(CustomerUserRules.checkUserPrincipalName(alias64 + "@" + domain48, longDomain).isEmpty());
        assertEquals(113, (alias64 + "@" + domain48).length());
        assertEquals("userPrincipalName.aliasTooLong",
                code(CustomerUserRules.checkUserPrincipalName("a".repeat(65) + "@" + domain48, longDomain)));
        String domain49 = "d".repeat(45) + ".com";
        assertEquals("userPrincipalName.domainTooLong",
                code(CustomerUserRules.checkUserPrincipalName("a@" + domain49, Set.of(domain49))));
    }

    @Test
    void domainMembershipIsSkippedOnlyWhenTheDomainsAreNotKnownYet() {
        assertTrue(CustomerUserRules.checkUserPrincipalName("daniel@fabrikam.com", null).isEmpty());
        assertEquals("userPrincipalName.domainNotVerified",
                code(CustomerUserRules.checkUserPrincipalName("daniel@fabrikam.com", Set.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password!1", "testPw@!122B", "abCD123*", "Renew456*", "lower UPPER 123", "abcdefG1",
            "ABCDEFG!1"})
    void passwordsWithThreeOfFourClassesAreAccepted(String password) {
        assertTrue(CustomerUserRules.checkPassword(password).isEmpty(), password);
    }

    @Test
    void passwordsBreakingARuleAreRejectedWithoutRepeatingThePassword() {
        assertEquals("password.required", code(CustomerUserRules.checkPassword("")));
        assertEquals("password.length", code(CustomerUserRules.checkPassword("Ab1!xyz")));
        assertEquals("password.length", code(CustomerUserRules.checkPassword("Ab1!" + "x".repeat(253))));
        assertTrue(CustomerUserRules.checkPassword("Ab1!" + "x".repeat(252)).isEmpty(), "256 characters are allowed");
        assertEquals("password.complexity", code(CustomerUserRules.checkPassword("abcdefgh1")));
        assertEquals("password.complexity", code(CustomerUserRules.checkPassword("ABCDEFGHIJ")));
        Optional<FieldViolation> unicode = CustomerUserRules.checkPassword("Pässword1!");
        assertEquals("password.characters", code(unicode));
        assertFalse(unicode.get().message().contains("Pässword1!"));
        assertEquals("passwordProfile.password", unicode.get().field());
    }

    @Test
    void displayNameMustNotBeBlankAndAtMost256() {
        assertTrue(CustomerUserRules.checkDisplayName("Daniel Tsai").isEmpty());
        assertTrue(CustomerUserRules.checkDisplayName("x".repeat(256)).isEmpty());
        assertEquals("displayName.required", code(CustomerUserRules.checkDisplayName("   ")));
        assertEquals("displayName.tooLong", code(CustomerUserRules.checkDisplayName("x".repeat(257))));
    }

    @Test
    void firstAndLastNamesAreAtMost64() {
        assertTrue(CustomerUserRules.checkFirstName("x".repeat(64)).isEmpty());
        assertTrue(CustomerUserRules.checkLastName("蔡").isEmpty());
        assertEquals("firstName.tooLong", code(CustomerUserRules.checkFirstName("x".repeat(65))));
        assertEquals("lastName.tooLong", code(CustomerUserRules.checkLastName("x".repeat(65))));
    }

    @Test
    void aPatchIsCheckedOnlyOnThePropertiesItCarries() {
        CustomerUser onlyLocation = new CustomerUser();
        onlyLocation.setUsageLocation("TW");
        assertTrue(CustomerUserRules.validateChanges(onlyLocation, DOMAINS).isEmpty());

        CustomerUser broken = new CustomerUser();
        broken.setUsageLocation("XX");
        broken.setDisplayName("");
        broken.setUserPrincipalName("daniel@fabrikam.com");
        broken.setPasswordProfile(new PasswordProfile("short", true));
        List<FieldViolation> violations = CustomerUserRules.validateChanges(broken, DOMAINS);
        assertEquals(List.of("displayName", "userPrincipalName", "usageLocation", "passwordProfile.password"),
                violations.stream().map(FieldViolation::field).toList());
    }
}
