package io.userdesk.web.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.api.json.PartnerCenterJson;
import io.userdesk.api.model.CustomerUser;
import io.userdesk.api.model.PasswordProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is sent to Partner Center, what the audit may see, and the before → after list. */
class UserChangeSetTest {

    private static CustomerUser user(String displayName, String usageLocation) {
        CustomerUser u = new CustomerUser();
        u.setDisplayName(displayName);
        u.setUsageLocation(usageLocation);
        u.setId("ignored-id");
        u.setState("active");
        return u;
    }

    @Test
    void thePatchBodyHoldsOnlyTheRequestedEditableFieldsAndTheObjectType() {
        CustomerUser requested = new CustomerUser();
        requested.setUsageLocation("TW");
        requested.setId("a-read-only-id");
        requested.setState("inactive");
        String json = PartnerCenterJson.create().toJson(UserChangeSet.patchBody(requested));
        assertEquals("{\"attributes\":{\"objectType\":\"CustomerUser\"},\"usageLocation\":\"TW\"}", json);
    }

    @Test
    void aPasswordResetForcesAChangeByDefaultAndTheAuditSeesOnlyChanged() {
        CustomerUser requested = new CustomerUser();
        requested.setPasswordProfile(new PasswordProfile("Renew456*", null));
        CustomerUser body = UserChangeSet.patchBody(requested);
        assertTrue(body.getPasswordProfile().getForceChangePassword());
        Map<String, Object> audit = UserChangeSet.auditView(body);
        assertEquals("changed", audit.get("password"));
        assertEquals(Boolean.TRUE, audit.get("forceChangePassword"));
        assertFalse(audit.toString().contains("Renew456*"));
    }

    @Test
    void changesListBeforeAndAfterForTouchedFieldsOnly() {
        CustomerUser body = new CustomerUser();
        body.setDisplayName("Daniel Tsai (Taipei)");
        body.setPasswordProfile(new PasswordProfile("Renew456*", false));
        List<FieldChange> changes = UserChangeSet.changes(user("Daniel Tsai", "US"), user("Daniel Tsai (Taipei)", "US"), body);
        assertEquals(List.of(new FieldChange("displayName", "Daniel Tsai", "Daniel Tsai (Taipei)"),
                new FieldChange("password", null, "changed"),
                new FieldChange("forceChangePassword", null, "false")), changes);
    }

    @Test
    void anEmptyRequestIsRecognised() {
        assertTrue(UserChangeSet.isEmpty(UserChangeSet.patchBody(new CustomerUser())));
        assertNull(UserChangeSet.patchBody(new CustomerUser()).getDisplayName());
    }

    @Test
    void aRestoreSendsOnlyTheActiveStateAndIsAuditedAsInactiveToActive() {
        CustomerUser body = UserChangeSet.restoreBody();
        assertEquals("{\"attributes\":{\"objectType\":\"CustomerUser\"},\"state\":\"active\"}",
                PartnerCenterJson.create().toJson(body));
        assertFalse(UserChangeSet.isEmpty(body));
        assertEquals(Map.of("state", "active"), UserChangeSet.auditView(body));
        CustomerUser before = user("Kevin Liu", "US");
        before.setState("inactive");
        CustomerUser after = user("Kevin Liu", "US");
        List<FieldChange> changes = UserChangeSet.changes(before, after, body);
        assertEquals(List.of(new FieldChange("state", "inactive", "active")), changes);
    }
}
