package com.acme.analytics.web.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The deployment of every integration test: the WAR that the build produced, as shipped, plus one configuration
 * file of higher ordinal that points it at the test database and shortens the flush interval.
 */
public final class Deployments {

    /** The flush interval of the test deployment, in milliseconds. */
    public static final int FLUSH_INTERVAL_MS = 1000;

    private Deployments() {
    }

    public static WebArchive application() {
        return application(new String[0]);
    }

    /** The application with more configuration lines ({@code key=value}) for what a test needs. */
    public static WebArchive application(String... extraConfig) {
        TestDatabase db = TestDatabase.get();
        String config = String.join("\n",
                "config_ordinal=500",
                "analytics.db.url=" + db.applicationUrl(),
                "analytics.db.user=" + db.user(),
                "analytics.db.password=" + db.password(),
                "analytics.ingest.flush-interval-ms=" + FLUSH_INTERVAL_MS,
                String.join("\n", extraConfig),
                "");
        // Payara Micro serves ROOT.war at the root context, as ./run.sh does.
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("analytics.test.war")))
                .as(WebArchive.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
