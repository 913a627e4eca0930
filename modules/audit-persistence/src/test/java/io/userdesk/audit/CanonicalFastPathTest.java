package io.userdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hand-written canonical form that verification and export use must be byte-for-byte the reference form
 * ({@link CanonicalJson} over the member map), or every stored hash would stop matching.
 */
class CanonicalFastPathTest {

    @Test
    void theFastFormEqualsTheReferenceFormForOrdinaryAndAwkwardValues() {
        List<String[]> texts = List.of(
                new String[] {"agent", "Demo Agent", "Contoso Ltd", "{}", "Mozilla/5.0"},
                new String[] {"zoë", "Zoë \"Z\" Ångström 日本 😀", "a\\b/c\n\t\u0001\u007f\u2028", "{\"x\":\"y\"}", ""},
                new String[] {"x", null, null, "{\"reason\":\"line1\\nline2\"}", null});
        Instant[] times = {Instant.parse("2026-11-26T14:53:11.123456Z"), Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00.000001Z")};
        long seq = 1;
        for (String[] t : texts) {
            for (Instant at : times) {
                UUID id = UUID.randomUUID();
                List<String> roles = seq % 2 == 0 ? List.of() : Arrays.asList("admin", "agent");
                Integer status = seq % 3 == 0 ? null : 200;
                Long duration = seq % 2 == 0 ? null : -7L;
                String reference = CanonicalJson.write(AuditHashing.content(seq, id, at, "USER_UPDATE_OUTCOME",
                        "SUCCEEDED", t[0], t[1], roles, t[4], t[2], t[2], t[1], t[0], t[1], t[0], t[4], status, t[1],
                        t[2], duration, t[3], AuditHashing.GENESIS_HASH));
                String fast = AuditHashing.canonical(seq, id, at, "USER_UPDATE_OUTCOME",
                        "SUCCEEDED", t[0], t[1], roles, t[4], t[2], t[2], t[1], t[0], t[1], t[0], t[4], status, t[1],
                        t[2], duration, t[3], AuditHashing.GENESIS_HASH);
                assertEquals(reference, fast);
                seq += 1_000_000_007L;
            }
        }
    }
}
