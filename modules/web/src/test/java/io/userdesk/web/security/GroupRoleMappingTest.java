package io.userdesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupRoleMappingTest {

    @Test
    void mapsListedGroupsToTheirRolesAndIgnoresTheRest() {
        GroupRoleMapping mapping = GroupRoleMapping.parse(
                " portal-agents = agent, portal-admins=admin,portal-admins=reviewer,1f0c2d3e-aaaa-bbbb-cccc-000000000001=reviewer");
        assertEquals(Set.of("agent"), mapping.rolesFor(List.of("portal-agents", "everyone")));
        assertEquals(Set.of("admin", "reviewer"), mapping.rolesFor(List.of("portal-admins")));
        assertEquals(Set.of("reviewer"), mapping.rolesFor(List.of("1f0c2d3e-aaaa-bbbb-cccc-000000000001")),
                "Entra ID sends group object ids");
        assertEquals(Set.of(), mapping.rolesFor(List.of("admin", "agent")),
                "a provider group merely named like a role gives nothing");
        assertEquals(Set.of(), mapping.rolesFor(null));
    }

    @Test
    void groupNamesMayContainEqualsSignsButRolesMustBeThePortals() {
        assertEquals(Set.of("agent"), GroupRoleMapping.parse("cn=agents=agent").rolesFor(List.of("cn=agents")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GroupRoleMapping.parse("portal-agents=superuser"));
        assertTrue(unknown.getMessage().contains("superuser"));
        assertThrows(IllegalArgumentException.class, () -> GroupRoleMapping.parse("portal-agents"));
        assertThrows(IllegalArgumentException.class, () -> GroupRoleMapping.parse("=agent"));
        assertTrue(GroupRoleMapping.parse("").isEmpty());
        assertTrue(GroupRoleMapping.parse(null).isEmpty());
    }
}
