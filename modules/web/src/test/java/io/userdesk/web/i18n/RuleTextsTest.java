package io.userdesk.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.validation.CustomerUserRules;
import io.userdesk.api.validation.FieldViolation;
import io.userdesk.web.security.StaffPasswordPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The validation rules live in the api module (shared with the emulator, no Faces there) and speak English; the portal
 * translates them by their code. The English bundle text, formatted with the violation's arguments, must say exactly
 * what the rule says, and Chinese must have its own sentence for every code a rule can produce.
 */
class RuleTextsTest {

    private static List<FieldViolation> everyKindOfViolation() {
        List<Optional<FieldViolation>> found = List.of(
                CustomerUserRules.checkDisplayName(" "),
                CustomerUserRules.checkDisplayName("x".repeat(300)),
                CustomerUserRules.checkFirstName("x".repeat(70)),
                CustomerUserRules.checkLastName("x".repeat(65)),
                CustomerUserRules.checkUsageLocation("Taiwan"),
                CustomerUserRules.checkUserPrincipalName("", null),
                CustomerUserRules.checkUserPrincipalName("a@b@c.com", null),
                CustomerUserRules.checkUserPrincipalName("@contoso.com", null),
                CustomerUserRules.checkUserPrincipalName("mei lin@contoso.com", null),
                CustomerUserRules.checkUserPrincipalName("mei.@contoso.com", null),
                CustomerUserRules.checkUserPrincipalName("m".repeat(65) + "@contoso.com", null),
                CustomerUserRules.checkUserPrincipalName("mei@contoso", null),
                CustomerUserRules.checkUserPrincipalName("mei@" + "d".repeat(50) + ".com", null),
                CustomerUserRules.checkUserPrincipalName("mei@fabrikam.com", List.of("contoso.com", "contoso.onmicrosoft.com")),
                CustomerUserRules.checkUserPrincipalName("mei@fabrikam.com", List.of()),
                CustomerUserRules.checkPassword(""),
                CustomerUserRules.checkPassword("Ab1"),
                CustomerUserRules.checkPassword("Pässwörd-2026"),
                CustomerUserRules.checkPassword("alllowercase"));
        List<FieldViolation> violations = new ArrayList<>();
        found.forEach(v -> violations.add(v.orElseThrow()));
        return violations;
    }

    @Test
    void englishByCodeSaysExactlyWhatTheRuleSays() {
        for (FieldViolation violation : everyKindOfViolation()) {
            assertEquals(violation.message(),
                    Texts.get(Locale.ENGLISH, "rule." + violation.code(), violation.arguments().toArray()), violation.code());
        }
    }

    @Test
    void chineseHasItsOwnSentenceForEveryCode() {
        Set<String> codes = new TreeSet<>();
        for (FieldViolation violation : everyKindOfViolation()) {
            codes.add(violation.code());
            String chinese = Texts.get(Locale.TAIWAN, "rule." + violation.code(), violation.arguments().toArray());
            assertFalse(chinese.startsWith("["), violation.code());
            assertNotEquals(violation.message(), chinese, violation.code());
            assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    chinese);
        }
        assertEquals(18, codes.size(), "every code of CustomerUserRules: " + codes);
        assertEquals("網域 fabrikam.com 不是此客戶的網域（contoso.com, contoso.onmicrosoft.com）。",
                Texts.get(Locale.TAIWAN, "rule.userPrincipalName.domainNotVerified", "fabrikam.com", 2,
                        "contoso.com, contoso.onmicrosoft.com"));
    }

    @Test
    void anUnknownCodeFallsBackToTheEnglishMessage() {
        assertEquals("Something new.", Texts.getOrDefault(Locale.TAIWAN, "rule.not.yet.translated", "Something new."));
    }

    @Test
    void staffPasswordProblemsReadTheSameInEnglishAndAreTranslated() {
        for (String password : List.of("short", "x".repeat(257), "alice-in-2026-x", "password2026")) {
            StaffPasswordPolicy.Problem problem = StaffPasswordPolicy.check("alice", password).orElseThrow();
            assertEquals(problem.message(),
                    Texts.get(Locale.ENGLISH, "refused." + problem.code(), problem.arguments().toArray()));
            assertFalse(Texts.get(Locale.TAIWAN, "refused." + problem.code(), problem.arguments().toArray()).startsWith("["));
        }
    }

    @Test
    void everyAuditActionAndOutcomeHasWordsInBothLanguages() throws java.io.IOException {
        Set<String> english = MessageBundlesTest.keys("messages.properties");
        for (io.userdesk.audit.AuditEventType type : io.userdesk.audit.AuditEventType.values()) {
            assertTrue(english.contains("audit.action." + type.name()), type.name());
        }
        for (io.userdesk.audit.AuditOutcome outcome : io.userdesk.audit.AuditOutcome.values()) {
            assertTrue(english.contains("audit.outcome." + outcome.name()), outcome.name());
            assertEquals(outcome.name(), Texts.get(Locale.ENGLISH, "audit.outcome." + outcome.name()),
                    "English keeps the stored outcome reviewers search for");
        }
        assertEquals("成功", Texts.get(Locale.TAIWAN, "audit.outcome.SUCCEEDED"));
    }
}
