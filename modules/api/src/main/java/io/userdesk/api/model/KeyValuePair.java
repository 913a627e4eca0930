package io.userdesk.api.model;

/** A header carried by a {@link Link}, such as {@code MS-ContinuationToken} on a collection's {@code next} link. */
public class KeyValuePair {
    private String key;
    private String value;

    public KeyValuePair() {
    }

    public KeyValuePair(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
