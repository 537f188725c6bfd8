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

    /**
     * The application, with configuration lines ({@code key=value}) of the test's own if any; a line of the test's
     * overrides a default above it (the last of a key in a properties file wins).
     */
    public static WebArchive application(String... extraConfig) {
        TestDatabase db = TestDatabase.get();
        String config = String.join("\n",
                "config_ordinal=500",
                "analytics.db.url=" + db.applicationUrl(),
                "analytics.db.user=" + db.user(),
                "analytics.db.password=" + db.password(),
                "analytics.ingest.flush-interval-ms=" + FLUSH_INTERVAL_MS,
                "analytics.security.jwt.secret=" + Tenants.SECRET,
                // A loaded CI machine may cross a system alert's threshold (a slow flush): its notification must not
                // reach the admin dashboards of tests that count theirs. AlertsBrowserIT switches them on.
                "analytics.alerts.system.enabled=false",
                String.join("\n", extraConfig),
                "");
        // Payara Micro serves ROOT.war at the root context, as ./run.sh does.
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("analytics.test.war")))
                .as(WebArchive.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }
}
