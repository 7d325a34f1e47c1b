package org.openlss.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as the server's root application (Payara Micro serves ROOT.war at /). */
public final class Deployments {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-secret";

    private Deployments() {
    }

    public static WebArchive builtWar() {
        File war = new File(System.getProperty("openlss.war", "target/openlss.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
