package io.userdesk.web.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the portal's three roles an identity provider's group (or app role) gives. Written in configuration as
 * comma-separated {@code group=role} pairs, e.g. {@code portal-agents=agent,portal-admins=admin}; a group may be listed
 * twice to give two roles.
 *
 * <p>Why an explicit mapping rather than taking group names as roles: a provider's groups are named by whoever runs the
 * directory (Entra ID even sends object ids), and a group that happens to be called {@code admin} must not make its
 * members portal admins by accident. A group that is not listed gives nothing, so a staff member whose groups map to no
 * role is refused.
 */
public final class GroupRoleMapping {
    private final Map<String, Set<String>> rolesByGroup;

    private GroupRoleMapping(Map<String, Set<String>> rolesByGroup) {
        this.rolesByGroup = rolesByGroup;
    }

    /** Parses {@code group=role[,group=role...]}; refuses roles other than agent, reviewer and admin. */
    public static GroupRoleMapping parse(String spec) {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.lastIndexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("Role mapping entry '" + pair.strip()
                            + "' is not of the form group=role");
                }
                String group = pair.substring(0, eq).strip();
                String role = pair.substring(eq + 1).strip();
                if (!Roles.ALL.contains(role)) {
                    throw new IllegalArgumentException("Role mapping entry '" + pair.strip() + "' names the role '" + role
                            + "'; the roles are " + Roles.ALL);
                }
                map.computeIfAbsent(group, g -> new TreeSet<>()).add(role);
            }
        }
        return new GroupRoleMapping(map);
    }

    /** The portal roles the given groups give, sorted; empty when none of them is mapped. */
    public Set<String> rolesFor(Collection<String> groups) {
        Set<String> roles = new TreeSet<>();
        if (groups != null) {
            for (String group : groups) {
                roles.addAll(rolesByGroup.getOrDefault(group, Set.of()));
            }
        }
        return roles;
    }

    public boolean isEmpty() {
        return rolesByGroup.isEmpty();
    }
}
