package io.userdesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffPasswordPolicyTest {

    @Test
    void aLongUnrelatedPassphraseIsAccepted() {
        assertEquals(Optional.empty(), StaffPasswordPolicy.problem("alice", "correct horse battery staple"));
        assertEquals(Optional.empty(), StaffPasswordPolicy.problem("alice", "Taipei-101-at-dusk"));
    }

    @Test
    void shortPasswordsAreRefusedWithTheLengthRule() {
        assertEquals(Optional.of("Use at least 12 characters."), StaffPasswordPolicy.problem("alice", "Tr0ub4dor&3"));
        assertEquals(Optional.of("Use at most 256 characters."), StaffPasswordPolicy.problem("alice", "x".repeat(257)));
    }

    @Test
    void theUsernameInAnyCaseIsRefused() {
        assertEquals(Optional.of("The password must not contain the username."),
                StaffPasswordPolicy.problem("alice.agent", "ALICE.AGENT-2026"));
    }

    @Test
    void trivialValuesAreRefusedEvenWithPaddingOrLength() {
        for (String trivial : new String[] {"Password1234!", "123456789012", "aaaaaaaaaaaaaaaa", "abcdefghijklmnop",
                "P@ssw0rd2026!!", "!!Welcome2026", "Changeme12345"}) {
            assertTrue(StaffPasswordPolicy.problem("bob", trivial).isPresent(), trivial);
        }
    }
}
