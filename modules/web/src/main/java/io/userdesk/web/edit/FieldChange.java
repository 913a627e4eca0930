package io.userdesk.web.edit;

/**
 * One field's value before and after a change; a password is shown as {@code "changed"}, never as text. The getters
 * exist for Faces pages: Expression Language 5 (Jakarta EE 10) does not read record accessors.
 */
public record FieldChange(String field, String before, String after) {
    public String getField() { return field; }
    public String getBefore() { return before; }
    public String getAfter() { return after; }
}
