package com.acme.analytics.ingest.jobs.profile;

import com.acme.analytics.ingest.jobs.CsvAnalysis;
import com.acme.analytics.ingest.jobs.MalformedCsvException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;

/** The installed {@link CsvAnalysis}: one {@link ProfilePass} per job, within the configured limits. Thread-safe. */
@ApplicationScoped
public class CsvProfiler implements CsvAnalysis {

    private ProfileLimits limits;

    /** For CDI's proxy. */
    protected CsvProfiler() {
    }

    @Inject
    public CsvProfiler(@ConfigProperty(name = "analytics.jobs.distinct-exact-cap") int distinctExactCap,
                       @ConfigProperty(name = "analytics.jobs.duplicate-rows-exact-cap") int duplicateRowsExactCap,
                       @ConfigProperty(name = "analytics.jobs.max-field-chars") int maxFieldChars,
                       @ConfigProperty(name = "analytics.jobs.max-ragged-rows") int maxRaggedRows,
                       @ConfigProperty(name = "analytics.jobs.correlation-columns") int correlationColumns,
                       @ConfigProperty(name = "analytics.jobs.type-sample-rows") int typeSampleRows,
                       @ConfigProperty(name = "analytics.jobs.categorical-max") int categoricalMax) {
        this(new ProfileLimits(distinctExactCap, duplicateRowsExactCap, maxFieldChars, maxRaggedRows,
                correlationColumns, typeSampleRows, categoricalMax));
    }

    public CsvProfiler(ProfileLimits limits) {
        this.limits = limits;
    }

    @Override
    public JsonObject analyse(Upload upload, Progress progress) throws MalformedCsvException, IOException {
        return new ProfilePass(upload, progress, limits).run().toJson();
    }
}
