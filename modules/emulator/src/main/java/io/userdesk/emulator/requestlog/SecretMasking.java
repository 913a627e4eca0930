package io.userdesk.emulator.requestlog;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from what the request log keeps, so that neither an access token nor a user's new password is
 * ever stored or shown by the emulator, even in a test tool. Password properties are found case-insensitively
 * ({@code password}, {@code Password}) at any depth, because the SDKs disagree on casing (reference §1.3).
 */
public final class SecretMasking {
    public static final String MASK = "***";

    /** A {@code "password": <value>} pair in text that is not valid JSON: the key, then a string or a bare token. */
    private static final Pattern LOOSE_PASSWORD = Pattern.compile(
            "(\"password\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]+)", Pattern.CASE_INSENSITIVE);

    private SecretMasking() {
    }

    /** {@code Bearer abc} becomes {@code Bearer ***}; any other value keeps only its scheme. */
    public static String maskAuthorization(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) + " " + MASK : MASK;
    }

    /** The body with every password value replaced by {@value #MASK}; JSON is re-written compactly. */
    public static String maskPasswords(String body) {
        if (body == null || body.isBlank()) {
            return body;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return mask(reader.readValue()).toString();
        } catch (JsonException | IllegalStateException e) {
            return LOOSE_PASSWORD.matcher(body).replaceAll("$1\"" + Matcher.quoteReplacement(MASK) + "\"");
        }
    }

    private static JsonValue mask(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                    boolean secret = entry.getKey().equalsIgnoreCase("password")
                            && entry.getValue().getValueType() != JsonValue.ValueType.NULL;
                    object.add(entry.getKey(), secret ? Json.createValue(MASK) : mask(entry.getValue()));
                }
                return object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                value.asJsonArray().forEach(item -> array.add(mask(item)));
                return array.build();
            }
            default -> {
                return value;
            }
        }
    }
}
