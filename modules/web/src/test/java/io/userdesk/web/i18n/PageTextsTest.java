package io.userdesk.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Pages take every word a person reads from the bundle ({@code #{msg['key']}}), so both languages are complete by
 * construction: this test reads every page and fails on a literal text node, a literal text attribute (value, label,
 * title, placeholder, header, aria-label, …) or an inline {@code style}. Allowed: the brand name, text without
 * letters (punctuation, "›", "×", "#") and a lower-case identifier inside {@code <code>} (a demo account name
 * someone types, not reads). It also checks that every key a page uses exists in the bundle.
 */
class PageTextsTest {
    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("value", "label", "title", "alt", "placeholder",
            "ariaLabel", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "header",
            "headerText", "footerText", "itemLabel", "itemDescription", "noSelectionLabel", "emptyLabel", "summary",
            "emptyMessage", "requiredMessage", "validatorMessage", "converterMessage", "promptText", "tooltip",
            "message", "legend", "caption", "labelText", "yesButtonLabel", "noButtonLabel", "closeTitle");
    /** Elements whose {@code value} is not text a person reads. */
    private static final Set<String> NON_TEXT_VALUE_ELEMENTS = Set.of("param", "viewParam", "inputHidden",
            "selectItem", "selectItems", "attribute", "setPropertyActionListener", "outputStylesheet", "outputScript");
    private static final Set<String> BRAND = Set.of("UserDesk");
    private static final Pattern EXPRESSION = Pattern.compile("[#$]\\{[^}]*}");
    private static final Pattern KEY = Pattern.compile("msg\\['([^']+)']");

    @Test
    void pagesUseOnlyBundleKeysAndNoInlineStyles() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> pages = pages();
        assertFalse(pages.isEmpty(), "pages found under " + WEBAPP.toAbsolutePath());
        for (Path page : pages) {
            for (String problem : problems(Files.readString(page, StandardCharsets.UTF_8))) {
                problems.add(WEBAPP.relativize(page) + ": " + problem);
            }
        }
        assertEquals(List.of(), problems, "texts written into pages instead of the bundle");
    }

    @Test
    void everyKeyAPageUsesExistsInTheBundle() throws Exception {
        Set<String> bundle = MessageBundlesTest.keys("messages.properties");
        Set<String> missing = new TreeSet<>();
        for (Path page : pages()) {
            Matcher keys = KEY.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (keys.find()) {
                if (!bundle.contains(keys.group(1))) {
                    missing.add(WEBAPP.relativize(page) + ": " + keys.group(1));
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void theScanCatchesHardCodedTextAttributesAndStyles() throws Exception {
        String page = """
                <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html"
                                xmlns:ui="jakarta.faces.facelets" xmlns:p="http://primefaces.org/ui">
                    <h2>Saved</h2>
                    <p:commandButton value="Sign in"/>
                    <p:inputText placeholder="e.g. contoso" value="#{bean.search}"/>
                    <p:column headerText="#{msg['common.field']}"/>
                    <span style="color: red">#{msg['common.yes']}</span>
                    <h1>UserDesk</h1> <span>›</span>
                </ui:composition>""";
        List<String> problems = problems(page);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Saved"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Sign in")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("e.g. contoso")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("style")), problems.toString());
    }

    static List<String> problems(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Element root = builder.parse(new InputSource(new StringReader(xhtml))).getDocumentElement();
        List<String> problems = new ArrayList<>();
        visit(root, problems);
        return problems;
    }

    private static void visit(Node node, List<String> problems) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            String text = node.getNodeValue().strip();
            boolean identifierInCode = "code".equals(node.getParentNode().getLocalName()) && text.matches("[a-z]+");
            if (isText(text) && !identifierInCode) {
                problems.add("text \"" + text + "\"");
            }
            return;
        }
        if (node.getNodeType() != Node.ELEMENT_NODE) {
            return;
        }
        Element element = (Element) node;
        String name = element.getLocalName();
        if ("style".equals(name)) {
            problems.add("a <style> element");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if ("style".equals(attributeName)) {
                problems.add("inline style=\"" + attribute.getValue() + "\" on <" + name + ">");
            } else if (TEXT_ATTRIBUTES.contains(attributeName) && isText(attribute.getValue())
                    && !("value".equals(attributeName) && NON_TEXT_VALUE_ELEMENTS.contains(name))) {
                problems.add(attributeName + "=\"" + attribute.getValue() + "\" on <" + name + ">");
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            visit(child, problems);
        }
    }

    /** Words a person would read: letters left once expressions are taken out, other than the brand name. */
    private static boolean isText(String value) {
        String literal = EXPRESSION.matcher(value).replaceAll(" ");
        for (String brand : BRAND) {
            literal = literal.replace(brand, " ");
        }
        return literal.codePoints().anyMatch(Character::isLetter);
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            return files.filter(p -> p.toString().endsWith(".xhtml")).sorted().toList();
        }
    }
}
