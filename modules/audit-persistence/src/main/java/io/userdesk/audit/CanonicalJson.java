package io.userdesk.audit;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a value as <em>canonical JSON</em>: one and only one text for a given value, so that a hash over that text
 * can be recomputed by anyone, in any language, from the stored data.
 *
 * <p>Why not a general JSON library: their output (key order, number formats, escaping, whitespace) is not
 * specified and may change between versions, which would silently break every stored hash. The rules below are
 * small enough to re-implement independently when checking the audit chain outside this application.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Whitespace:</b> none at all, anywhere (no space after {@code :} or {@code ,}, no newline).</li>
 *   <li><b>Objects</b> ({@link Map}): every key must be a non-null {@link String}; members are written in ascending
 *       order of their keys as compared by {@link String#compareTo} (UTF-16 code unit order, which equals Unicode code
 *       point order for keys without surrogates). The map's own iteration order is ignored.</li>
 *   <li><b>Arrays</b> ({@link List} or a Java array): elements in their given order.</li>
 *   <li><b>Strings:</b> wrapped in {@code "}; the only escapes are {@code \"} for U+0022, {@code \\} for U+005C,
 *       {@code \b \f \n \r \t} for U+0008, U+000C, U+000A, U+000D, U+0009, and {@code \}{@code u00xx} with
 *       <em>lower-case</em> hexadecimal digits for the other characters below U+0020. Every other character,
 *       including {@code /}, U+007F, U+2028/U+2029 and all non-ASCII text, is written unchanged. A string containing
 *       an unpaired surrogate is rejected, because it has no UTF-8 form and would hash ambiguously.</li>
 *   <li><b>Numbers:</b> only integers: {@link Integer}, {@link Long}, {@link Short}, {@link Byte} and
 *       {@link BigInteger}, written as plain decimal ({@code -} for negatives, no {@code +}, no leading zeros, no
 *       exponent). {@link Float}, {@link Double}, {@link java.math.BigDecimal} and any other {@link Number} are
 *       rejected, because a fractional number has several textual forms ({@code 1.0}, {@code 1}, {@code 1e0}); pass
 *       such values as strings.</li>
 *   <li><b>Literals:</b> {@link Boolean} as {@code true}/{@code false}; Java {@code null} (a null value, or a null
 *       element) as {@code null}.</li>
 *   <li><b>Anything else</b> (characters, dates, enums, beans, sets, ...) is rejected; convert it to one of the types
 *       above first. Nesting deeper than {@value #MAX_DEPTH} levels is rejected (this also stops cyclic
 *       structures).</li>
 * </ul>
 * Every rejection is an {@link IllegalArgumentException} naming the offending type or key. The result is meant to be
 * hashed as UTF-8 bytes.
 *
 * <p>Example: {@code {"b":[1,true,null],"a":"x\"y"}} is written as {@code {"a":"x\"y","b":[1,true,null]}}.
 */
public final class CanonicalJson {

    /** The deepest nesting of objects and arrays that is accepted. */
    public static final int MAX_DEPTH = 64;

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /**
     * Writes {@code value} as canonical JSON.
     *
     * @param value a String, integer Number, Boolean, null, Map with String keys, List or array of such values
     * @return the canonical JSON text
     * @throws IllegalArgumentException if the value (or anything inside it) breaks the rules in the class comment
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(value, out, 0);
        return out.toString();
    }

    private static void writeValue(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value instanceof Number number) {
            writeNumber(number, out);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out, depth + 1);
        } else if (value instanceof List<?> list) {
            writeArray(list, out, depth + 1);
        } else if (value.getClass().isArray()) {
            writeArray(arrayAsList(value), out, depth + 1);
        } else {
            throw new IllegalArgumentException("canonical JSON cannot represent a " + value.getClass().getName()
                    + ": use a String, an integer, a Boolean, null, a Map or a List");
        }
    }

    private static void writeNumber(Number number, StringBuilder out) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            out.append(number);
        } else {
            throw new IllegalArgumentException("canonical JSON allows integers only, not " + number.getClass().getName()
                    + ": pass fractional numbers as strings");
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
        requireDepth(depth);
        List<Map.Entry<String, Object>> members = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("canonical JSON object keys must be Strings, not "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            members.add(new AbstractMap.SimpleImmutableEntry<>(key, entry.getValue()));
        }
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        String previousKey = null;
        for (Map.Entry<String, Object> member : members) {
            if (previousKey != null) {
                if (previousKey.equals(member.getKey())) {
                    // only possible with identity-based maps; two equal keys would make the text ambiguous
                    throw new IllegalArgumentException("canonical JSON object has a duplicate key: " + previousKey);
                }
                out.append(',');
            }
            previousKey = member.getKey();
            writeString(member.getKey(), out);
            out.append(':');
            writeValue(member.getValue(), out, depth);
        }
        out.append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out, int depth) {
        requireDepth(depth);
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeValue(list.get(i), out, depth);
        }
        out.append(']');
    }

    private static List<Object> arrayAsList(Object array) {
        int length = Array.getLength(array);
        List<Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            elements.add(Array.get(array, i));
        }
        return elements;
    }

    private static void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("canonical JSON nesting deeper than " + MAX_DEPTH
                    + " levels (is the structure cyclic?)");
        }
    }

    /** Appends one canonical JSON string; package-private for {@link AuditHashing}'s fixed-layout fast path. */
    static void writeString(String text, StringBuilder out) {
        out.append('"');
        int length = text.length();
        // characters that need no escaping are copied in runs, not one by one: this runs for every member of every
        // event verified or exported
        int runStart = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        "canonical JSON strings must be valid Unicode: unpaired surrogate at index " + i);
            }
            out.append(text, runStart, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
            }
            runStart = i + 1;
        }
        if (runStart == 0) {
            out.append(text);
        } else {
            out.append(text, runStart, length);
        }
        out.append('"');
    }
}
