package io.userdesk.web.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.validation.CustomerUserRules;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordGeneratorTest {

    @Test
    void everyGeneratedPasswordPassesTheServersPolicyWithAllFourClasses() {
        TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(new Random(42));
        for (int i = 0; i < 2_000; i++) {
            String password = generator.generate();
            assertEquals(TemporaryPasswordGenerator.LENGTH, password.length(), password);
            assertTrue(CustomerUserRules.checkPassword(password).isEmpty(), password);
            assertTrue(password.chars().anyMatch(c -> TemporaryPasswordGenerator.LOWER.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> TemporaryPasswordGenerator.UPPER.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> TemporaryPasswordGenerator.DIGITS.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> TemporaryPasswordGenerator.SYMBOLS.indexOf(c) >= 0), password);
        }
    }

    @Test
    void leavesOutCharactersPeopleConfuse() {
        TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(new Random(7));
        for (int i = 0; i < 2_000; i++) {
            String password = generator.generate();
            assertTrue(password.chars().noneMatch(c -> "0O1lI '\"`".indexOf(c) >= 0), password);
        }
    }

    @Test
    void theSecureDefaultDoesNotRepeatItself() {
        TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(seen.add(generator.generate()), "a repeated password");
        }
    }

    @Test
    void theRequiredClassesAreNotAlwaysAtTheStart() {
        TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(new Random(1));
        Set<Boolean> lowerFirst = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            lowerFirst.add(TemporaryPasswordGenerator.LOWER.indexOf(generator.generate().charAt(0)) >= 0);
        }
        assertEquals(Set.of(true, false), lowerFirst, "the four guaranteed characters are shuffled in");
    }
}
