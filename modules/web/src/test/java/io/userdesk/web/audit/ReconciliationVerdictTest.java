package io.userdesk.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.audit.AuditOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reviewer reads on a reconciliation event, for each state the user can be found in after a crash. */
class ReconciliationVerdictTest {

    private static CustomerUser user(String displayName, String usageLocation) {
        CustomerUser user = new CustomerUser();
        user.setDisplayName(displayName);
        user.setUsageLocation(usageLocation);
        return user;
    }

    private static Map<String, Object> asked(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void everyRequestedValuePresentMeansTheChangeWasApplied() {
        ReconciliationVerdict verdict = ReconciliationVerdict.decide(
                asked("displayName", "Daniel T.", "usageLocation", "TW"), user("Daniel T.", "TW"));
        assertEquals(AuditOutcome.SUCCEEDED, verdict.outcome());
        assertTrue(verdict.explanation().contains("was applied"));
    }

    @Test
    void noRequestedValuePresentMeansItWasNotApplied() {
        ReconciliationVerdict verdict = ReconciliationVerdict.decide(
                asked("displayName", "Daniel T.", "usageLocation", "TW"), user("Daniel Tsai", "US"));
        assertEquals(AuditOutcome.FAILED, verdict.outcome());
        assertTrue(verdict.explanation().contains("not applied"));
    }

    @Test
    void aPartialMatchOrAPasswordOnlyChangeIsUnknown() {
        assertEquals(AuditOutcome.UNKNOWN, ReconciliationVerdict.decide(
                asked("displayName", "Daniel T.", "usageLocation", "TW"), user("Daniel T.", "US")).outcome());
        ReconciliationVerdict password = ReconciliationVerdict.decide(
                asked("password", "changed", "forceChangePassword", true), user("Daniel Tsai", "US"));
        assertEquals(AuditOutcome.UNKNOWN, password.outcome());
        assertTrue(password.explanation().contains("cannot be read back"));
    }

    @Test
    void anInterruptedRestoreIsSettledByTheUsersStateNow() {
        CustomerUser active = user("Kevin Liu", "US");
        active.setState("active");
        CustomerUser stillDeleted = user("Kevin Liu", "US");
        stillDeleted.setState("inactive");
        assertEquals(AuditOutcome.SUCCEEDED, ReconciliationVerdict.decide(asked("state", "active"), active).outcome());
        assertEquals(AuditOutcome.FAILED, ReconciliationVerdict.decide(asked("state", "active"), stillDeleted).outcome());
    }
}
