package org.openlss.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as the server's root application (Payara Micro serves ROOT.war at /). */
public final class Deployments {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-secret";
    /** The server's encoder account, as the test servers are configured (openlss.encoder.password). */
    public static final String ENCODER = "encoder";
    public static final String ENCODER_PASSWORD = "it-encoder-secret";

    private Deployments() {
    }

    /** The {@code Authorization} header value an encoder signing in with the encoder account sends. */
    public static String encoderAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((ENCODER + ":" + ENCODER_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static WebArchive builtWar() {
        File war = new File(System.getProperty("openlss.war", "target/openlss.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
