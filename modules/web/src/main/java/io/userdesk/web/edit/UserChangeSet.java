package io.userdesk.web.edit;

import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.PasswordProfile;
import io.userdesk.api.model.ResourceAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editable part of a customer user, and the rules for turning a request into the exact PATCH body Partner Center
 * documents (only the changed properties plus {@code attributes.objectType}), into audit details with the password
 * replaced by {@code "changed"}, and into a before → after list.
 */
final class UserChangeSet {
    static final String CHANGED = "changed";
    static final String ACTIVE = "active";

    private UserChangeSet() {
    }

    /** The PATCH body: editable properties that are present in the request, nothing else. */
    static CustomerUser patchBody(CustomerUser requested) {
        CustomerUser body = new CustomerUser();
        body.setDisplayName(requested.getDisplayName());
        body.setFirstName(requested.getFirstName());
        body.setLastName(requested.getLastName());
        body.setUserPrincipalName(requested.getUserPrincipalName());
        body.setUsageLocation(requested.getUsageLocation());
        PasswordProfile password = requested.getPasswordProfile();
        if (password != null) {
            body.setPasswordProfile(new PasswordProfile(password.getPassword(),
                    password.getForceChangePassword() == null ? Boolean.TRUE : password.getForceChangePassword()));
        }
        body.setAttributes(ResourceAttributes.of(CustomerUser.OBJECT_TYPE));
        return body;
    }

    /**
     * The restore body Partner Center documents for a deleted user: only {@code state: "active"} (the other fields are
     * restored from the inactive user) and the object type.
     */
    static CustomerUser restoreBody() {
        CustomerUser body = new CustomerUser();
        body.setState(ACTIVE);
        body.setAttributes(ResourceAttributes.of(CustomerUser.OBJECT_TYPE));
        return body;
    }

    static boolean isEmpty(CustomerUser body) {
        return body.getState() == null && body.getDisplayName() == null && body.getFirstName() == null && body.getLastName() == null
                && body.getUserPrincipalName() == null && body.getUsageLocation() == null && body.getPasswordProfile() == null;
    }

    /** The request as the audit may hold it: the password is only ever "changed". */
    static Map<String, Object> auditView(CustomerUser body) {
        Map<String, Object> view = new LinkedHashMap<>();
        putIfPresent(view, "displayName", body.getDisplayName());
        putIfPresent(view, "firstName", body.getFirstName());
        putIfPresent(view, "lastName", body.getLastName());
        putIfPresent(view, "userPrincipalName", body.getUserPrincipalName());
        putIfPresent(view, "usageLocation", body.getUsageLocation());
        putIfPresent(view, "state", body.getState());
        if (body.getPasswordProfile() != null) {
            view.put("password", CHANGED);
            view.put("forceChangePassword", Boolean.TRUE.equals(body.getPasswordProfile().getForceChangePassword()));
        }
        return view;
    }

    /** Before → after for each field the request touched, read from the user before and the user Partner Center returned. */
    static List<FieldChange> changes(CustomerUser before, CustomerUser after, CustomerUser body) {
        List<FieldChange> changes = new ArrayList<>();
        addIfTouched(changes, "displayName", body.getDisplayName(), before.getDisplayName(), after.getDisplayName());
        addIfTouched(changes, "firstName", body.getFirstName(), before.getFirstName(), after.getFirstName());
        addIfTouched(changes, "lastName", body.getLastName(), before.getLastName(), after.getLastName());
        addIfTouched(changes, "userPrincipalName", body.getUserPrincipalName(), before.getUserPrincipalName(), after.getUserPrincipalName());
        addIfTouched(changes, "usageLocation", body.getUsageLocation(), before.getUsageLocation(), after.getUsageLocation());
        addIfTouched(changes, "state", body.getState(), before.getState(), after.getState());
        if (body.getPasswordProfile() != null) {
            changes.add(new FieldChange("password", null, CHANGED));
            changes.add(new FieldChange("forceChangePassword", null,
                    String.valueOf(Boolean.TRUE.equals(body.getPasswordProfile().getForceChangePassword()))));
        }
        return changes;
    }

    static List<Map<String, Object>> auditView(List<FieldChange> changes) {
        List<Map<String, Object>> view = new ArrayList<>();
        for (FieldChange change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", change.field());
            entry.put("before", change.before());
            entry.put("after", change.after());
            view.add(entry);
        }
        return view;
    }

    private static void addIfTouched(List<FieldChange> changes, String field, String requested, String before, String after) {
        if (requested != null) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static void putIfPresent(Map<String, Object> view, String key, String value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
