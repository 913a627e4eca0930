package io.userdesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.userdesk.web.rest.PortalApiApplication;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps the one permission matrix true: every page and every endpoint has an entry, web.xml and the resources'
 * annotations grant exactly what it says, and docs/security.md shows it. Adding an endpoint or a page without a matrix
 * entry fails here, i.e. fails the build.
 */
class PermissionMatrixTest {
    private static final java.nio.file.Path WEBAPP = java.nio.file.Path.of("src/main/webapp");

    @Test
    void everyApiEndpointHasAMatrixEntryGrantingExactlyItsAnnotatedRoles() throws Exception {
        Map<String, Set<String>> constraints = webXmlConstraints();
        Map<String, PermissionMatrix.Entry> matrix = PermissionMatrix.ENTRIES.stream()
                .filter(e -> e.kind() == PermissionMatrix.Kind.API)
                .collect(Collectors.toMap(e -> e.method() + " " + e.path(), e -> e));
        Set<String> endpoints = new TreeSet<>();
        for (Class<?> resource : new PortalApiApplication().getClasses()) {
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = "/api/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
                String key = httpMethod + " " + path;
                endpoints.add(key);
                PermissionMatrix.Entry entry = matrix.get(key);
                assertTrue(entry != null, "No permission matrix entry for the endpoint " + key
                        + ": add it to io.userdesk.web.security.PermissionMatrix and docs/security.md");
                boolean permitAll = method.isAnnotationPresent(PermitAll.class);
                RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                        ? method.getAnnotation(RolesAllowed.class) : resource.getAnnotation(RolesAllowed.class);
                if (entry.open()) {
                    assertTrue(permitAll, key + " is open in the matrix but not @PermitAll");
                    assertEquals(null, rolesFor(path, constraints),
                            key + " is open in the matrix but web.xml requires a sign-in for it");
                } else {
                    assertTrue(!permitAll && roles != null, key + " must carry @RolesAllowed");
                    assertEquals(entry.roles(), Set.of(roles.value()), key + ": @RolesAllowed differs from the matrix");
                    assertTrue(rolesFor(path, constraints) != null, key + ": web.xml must require a sign-in for it");
                }
            }
        }
        assertEquals(matrix.keySet(), endpoints, "the matrix lists endpoints that do not exist, or misses some");
    }

    @Test
    void everyPageHasAMatrixEntryAndWebXmlGrantsExactlyItsRoles() throws Exception {
        Set<String> pages;
        try (Stream<java.nio.file.Path> files = Files.walk(WEBAPP)) {
            pages = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + WEBAPP.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/") && !p.startsWith("/resources/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> matrixPages = PermissionMatrix.ENTRIES.stream().filter(e -> e.kind() == PermissionMatrix.Kind.PAGE)
                .map(PermissionMatrix.Entry::path).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(pages, matrixPages, "every page needs exactly one permission matrix entry");

        Map<String, Set<String>> constraints = webXmlConstraints();
        for (PermissionMatrix.Entry entry : PermissionMatrix.ENTRIES) {
            if (entry.kind() != PermissionMatrix.Kind.PAGE) {
                continue;
            }
            Set<String> granted = rolesFor(entry.path(), constraints);
            if (entry.open()) {
                assertEquals(null, granted, entry.path() + " is open in the matrix but web.xml constrains it");
            } else {
                assertEquals(entry.roles(), granted, entry.path() + ": web.xml differs from the matrix");
            }
        }
    }

    @Test
    void docsSecurityShowsTheMatrixAsDeclared() throws Exception {
        String doc = Files.readString(java.nio.file.Path.of("../../docs/security.md"));
        assertTrue(doc.contains(PermissionMatrix.markdownTable()),
                "docs/security.md must contain PermissionMatrix.markdownTable() verbatim:\n" + PermissionMatrix.markdownTable());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** url-pattern → roles of web.xml's security constraints (no auth-constraint: open). */
    private static Map<String, Set<String>> webXmlConstraints() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(WEBAPP.resolve("WEB-INF/web.xml").toFile());
        Map<String, Set<String>> result = new HashMap<>();
        NodeList list = doc.getElementsByTagNameNS("*", "security-constraint");
        for (int i = 0; i < list.getLength(); i++) {
            Element constraint = (Element) list.item(i);
            Set<String> roles = null;
            NodeList auth = constraint.getElementsByTagNameNS("*", "auth-constraint");
            if (auth.getLength() > 0) {
                roles = new HashSet<>();
                NodeList names = ((Element) auth.item(0)).getElementsByTagNameNS("*", "role-name");
                for (int j = 0; j < names.getLength(); j++) {
                    roles.add(names.item(j).getTextContent().trim());
                }
            }
            NodeList patterns = constraint.getElementsByTagNameNS("*", "url-pattern");
            for (int j = 0; j < patterns.getLength(); j++) {
                result.put(patterns.item(j).getTextContent().trim(), roles);
            }
        }
        return result;
    }

    /** Servlet matching: an exact pattern wins, else the longest path prefix; null when nothing constrains the page. */
    private static Set<String> rolesFor(String path, Map<String, Set<String>> constraints) {
        if (constraints.containsKey(path)) {
            return constraints.get(path);
        }
        String best = null;
        for (String pattern : constraints.keySet()) {
            if (pattern.endsWith("/*") && path.startsWith(pattern.substring(0, pattern.length() - 1))
                    && (best == null || pattern.length() > best.length())) {
                best = pattern;
            }
        }
        return best == null ? null : constraints.get(best);
    }

    @Test
    void everyRoleIsNamedInTheMatrixRoles() {
        List<String> used = PermissionMatrix.ENTRIES.stream().flatMap(e -> e.roles().stream()).distinct().sorted().toList();
        assertTrue(Roles.ALL.containsAll(used), "only agent, reviewer and admin exist: " + used);
    }
}
