package io.userdesk.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every IT uses: the portal WAR exactly as Maven packaged it, renamed ROOT.war so it serves at
 * {@code /} as in production. Tests are black-box ({@code testable = false}): they act as a browser or an API client.
 */
public final class PortalDeployment {
    /** The emulator's demo data (see modules/emulator's seed fixture). */
    public static final String CONTOSO = "4d3cf487-6c7e-4b5a-9d60-2a3b1c0d0001";
    public static final String DANIEL_TSAI = "a9ef48bb-0000-4000-8000-000000000001";
    public static final String EMULATOR_TOKEN = "it-access-token";

    private PortalDeployment() {
    }

    public static WebArchive portal() {
        File war = new File(System.getProperty("it.war", "target/userdesk-web.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * The portal configured as an operator would, by appending to the WAR's own {@code microprofile-config.properties}
     * (a later line wins); for settings only one IT class needs (the container's options are shared by all).
     */
    public static WebArchive withProperties(WebArchive war, String... lines) throws java.io.IOException {
        String path = "/WEB-INF/classes/META-INF/microprofile-config.properties";
        String original;
        try (java.io.InputStream in = war.get(path).getAsset().openStream()) {
            original = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        war.delete(path);
        war.add(new org.jboss.shrinkwrap.api.asset.StringAsset(original + "\n" + String.join("\n", lines) + "\n"), path);
        return war;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + System.getProperty("it.http.port", "18080");
    }
}
