package io.userdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

    @Test
    void layoutIsVersion7WithTheMillisecondsFirst() {
        // RFC 9562, appendix A.6: 2022-02-22T19:22:22Z is 0x017F22E279B0; version 7, variant 10
        UUID id = TimeOrderedUuid.of(0x017F22E279B0L, 0xCC3, 0x18C4DC0C0C07398FL);
        assertEquals("017f22e2-79b0-7cc3-98c4-dc0c0c07398f", id.toString());
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesThem() {
        UUID earlier = TimeOrderedUuid.of(1_795_000_000_000L, -1, -1);
        UUID later = TimeOrderedUuid.of(1_795_000_000_001L, 0, 0);
        // PostgreSQL orders uuid by its bytes, unsigned: that is the order of the hexadecimal text
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " before " + later);
    }

    @Test
    void idsOfTheSameMillisecondDifferAndKeepVersionAndVariant() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-26T21:00:00Z"), ZoneOffset.UTC);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = TimeOrderedUuid.next(frozen);
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertEquals(Instant.parse("2026-11-26T21:00:00Z").toEpochMilli(), id.getMostSignificantBits() >>> 16);
            ids.add(id);
        }
        assertEquals(10_000, ids.size(), "74 random bits per id");
    }

    @Test
    void refusesTimesThatDoNotFitInto48Bits() {
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedUuid.of(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedUuid.of(1L << 48, 0, 0));
    }
}
