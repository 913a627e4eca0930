package io.userdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsObjectKeysWhateverTheMapOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", 2);
        map.put("C", 3);
        map.put("aa", 4);
        assertEquals("{\"C\":3,\"a\":2,\"aa\":4,\"b\":1}", CanonicalJson.write(map));
        assertEquals(CanonicalJson.write(map), CanonicalJson.write(new TreeMap<>(map)));
        assertEquals(CanonicalJson.write(map), CanonicalJson.write(new HashMap<>(map)));
    }

    @Test
    void sortsKeysByUtf16CodeUnits() {
        // U+FF21 (fullwidth A) is one code unit 0xFF21; U+1F600 is the surrogate pair 0xD83D 0xDE00, so it sorts first
        Map<String, Object> map = new HashMap<>();
        map.put("\uFF21", 1);
        map.put("\uD83D\uDE00", 2);
        map.put("z", 3);
        assertEquals("{\"z\":3,\"\uD83D\uDE00\":2,\"\uFF21\":1}", CanonicalJson.write(map));
    }

    @Test
    void escapesOnlyWhatRfc8259Requires() {
        assertEquals("\"a\\\"b\\\\c/d\"", CanonicalJson.write("a\"b\\c/d"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", CanonicalJson.write("\b\f\n\r\t"));
        assertEquals("\"\\u0000\\u0001\\u001f\\u000b\"", CanonicalJson.write("\u0000\u0001\u001f\u000b"));
        assertEquals("\"\u007f\"", CanonicalJson.write("\u007f"));
        assertEquals("\"\u2028\"", CanonicalJson.write("\u2028"));
    }

    @Test
    void writesNonAsciiTextUnchanged() {
        String text = "Zoë Ångström 日本語 \uD83D\uDE00";
        assertEquals('"' + text + '"', CanonicalJson.write(text));
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write("a\uD83Db"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write("\uDE00"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of("\uD83D", 1)));
    }

    @Test
    void writesNestedMapsAndLists() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("y", List.of(1, "two", true));
        inner.put("x", Map.of());
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("list", List.of(inner, List.of(), List.of(List.of(false))));
        outer.put("array", new Object[] {1L, "s"});
        outer.put("ints", new int[] {3, 2, 1});
        assertEquals("{\"array\":[1,\"s\"],\"ints\":[3,2,1],"
                + "\"list\":[{\"x\":{},\"y\":[1,\"two\",true]},[],[[false]]]}", CanonicalJson.write(outer));
    }

    @Test
    void writesIntegersAsPlainDecimal() {
        assertEquals("[0,-1,2147483647,-9223372036854775808,7,-8,123456789012345678901234567890]",
                CanonicalJson.write(List.of(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, (short) 7, (byte) -8,
                        new BigInteger("123456789012345678901234567890"))));
    }

    @Test
    void rejectsFractionalAndOtherNumbers() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1.0d));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1.0f));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of("n", List.of(0.5))));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new java.util.concurrent.atomic.AtomicLong()));
    }

    @Test
    void writesNullAndBooleans() {
        assertEquals("null", CanonicalJson.write(null));
        assertEquals("true", CanonicalJson.write(true));
        assertEquals("false", CanonicalJson.write(Boolean.FALSE));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("k", null);
        assertEquals("{\"k\":null}", CanonicalJson.write(withNull));
        assertEquals("[null,1]", CanonicalJson.write(Arrays.asList(null, 1)));
    }

    @Test
    void rejectsNonStringOrNullKeys() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Map.of(1, "x")));
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(nullKey));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void rejectsDuplicateKeysOfIdentityMaps() {
        Map<String, Object> identity = new IdentityHashMap<>();
        identity.put("k", 1);
        identity.put(new String("k"), 2);
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(identity));
    }

    @Test
    void rejectsTypesWithoutOneCanonicalForm() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write('c'));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Set.of("a")));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(java.time.Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(AuditOutcome.PENDING));
    }

    @Test
    void rejectsCyclicStructures() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(cyclic));
    }
}
