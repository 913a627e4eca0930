package io.userdesk.emulator.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests a fault hits, and "fail the next K calls". */
class FaultPlanTest {

    private static FaultRule rule(String method, String path, FaultKind kind, Integer times) {
        FaultRule rule = new FaultRule();
        rule.method = method;
        rule.path = path;
        rule.kind = kind;
        rule.times = times;
        rule.status = 503;
        return rule;
    }

    @Test
    void aLimitedFaultHitsTheNextKMatchingCallsOnly() {
        FaultPlan plan = new FaultPlan();
        plan.add(rule("PATCH", "/v1/customers/*/users/*", FaultKind.ERROR, 2));
        assertTrue(plan.take("GET", "/v1/customers/c/users/u").isEmpty(), "other methods pass");
        assertTrue(plan.take("PATCH", "/v1/customers/c/users").isEmpty(), "* is one segment");
        assertTrue(plan.take("PATCH", "/v1/customers/c/users/u").isPresent());
        assertTrue(plan.take("patch", "/v1/customers/c/users/u").isPresent());
        assertTrue(plan.take("PATCH", "/v1/customers/c/users/u").isEmpty(), "used up after two calls");
    }

    @Test
    void anUnlimitedFaultStaysUntilCleared() {
        FaultPlan plan = new FaultPlan();
        plan.add(rule(null, "/v1/**", FaultKind.ERROR, null));
        for (int i = 0; i < 5; i++) {
            assertTrue(plan.take("GET", "/v1/customers").isPresent());
        }
        plan.clear();
        assertTrue(plan.take("GET", "/v1/customers").isEmpty());
    }

    @Test
    void incompleteRulesAreRefusedWithAReason() {
        FaultPlan plan = new FaultPlan();
        assertEquals("delayMs is required for hang", assertThrows(IllegalArgumentException.class,
                () -> plan.add(rule(null, null, FaultKind.HANG, null))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> plan.add(rule(null, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> plan.add(rule(null, null, FaultKind.ERROR, 0)));
    }
}
