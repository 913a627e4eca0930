package io.userdesk.emulator.state;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code filter} query parameter, {@code {"Field":…,"Value":…,"Operator":…}} (reference §1.4). Keys are read
 * case-insensitively because the .NET SDK writes {@code Field} and Java's ObjectMapper writes {@code field}; the
 * operator is normalised so that .NET's {@code starts_with} and Java's {@code StartsWith} compare equal.
 *
 * @param field    as sent, e.g. {@code CompanyName}
 * @param value    as sent, e.g. {@code cont}
 * @param operator lower case without underscores, e.g. {@code startswith}, {@code equals}
 */
record FieldFilter(String field, String value, String operator) {

    static final String STARTS_WITH = "startswith";
    static final String EQUALS = "equals";

    /** Parses the filter; any shape other than an object with the three keys is invalid request input. */
    static FieldFilter parse(String json) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw PartnerCenterFault.invalidRequestInput("filter: must be a JSON object such as "
                    + "{\"Field\":\"CompanyName\",\"Value\":\"cont\",\"Operator\":\"starts_with\"}.");
        }
        String field = stringProperty(object, "field");
        String value = stringProperty(object, "value");
        String operator = stringProperty(object, "operator");
        if (field == null || value == null || operator == null) {
            throw PartnerCenterFault.invalidRequestInput("filter: Field, Value and Operator are all required.");
        }
        return new FieldFilter(field, value, operator.replace("_", "").toLowerCase(Locale.ROOT));
    }

    private static String stringProperty(JsonObject object, String name) {
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                JsonValue value = entry.getValue();
                if (value instanceof JsonString string) {
                    return string.getString();
                }
                return value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
            }
        }
        return null;
    }
}
