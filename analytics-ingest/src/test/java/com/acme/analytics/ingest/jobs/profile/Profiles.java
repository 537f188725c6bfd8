package com.acme.analytics.ingest.jobs.profile;

import com.acme.analytics.ingest.jobs.CsvAnalysis;
import com.acme.analytics.ingest.jobs.MalformedCsvException;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the profiler on generated files and records what it reported. */
final class Profiles {

    /** One progress report. */
    record Report(String stage, int percent, String message) {
    }

    /** A progress that records, and is cancelled after {@code cancelAfter} reports (never when negative). */
    static final class Recording implements CsvAnalysis.Progress {
        final List<Report> reports = new ArrayList<>();
        private final int cancelAfter;

        Recording(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void at(String stage, int percent, String message) {
            reports.add(new Report(stage, percent, message));
        }

        @Override
        public boolean cancelled() {
            return cancelAfter >= 0 && reports.size() > cancelAfter;
        }
    }

    private Profiles() {
    }

    static JsonObject analyse(Path dir, String csv) throws IOException, MalformedCsvException {
        return analyse(dir, csv.getBytes(StandardCharsets.UTF_8), ProfileLimits.defaults());
    }

    static JsonObject analyse(Path dir, byte[] csv, ProfileLimits limits) throws IOException, MalformedCsvException {
        Path file = Files.write(Files.createTempFile(dir, "profile", ".csv"), csv);
        return new CsvProfiler(limits).analyse(CsvAnalysis.Upload.of(file), new Recording(-1));
    }

    static JsonObject column(JsonObject insights, String name) {
        return insights.getJsonArray("columns_profile").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
    }

    static List<String> alerts(JsonObject insights, String kind) {
        return insights.getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("kind").equals(kind))
                .map(a -> a.isNull("column") ? "(file)" : a.getString("column")).toList();
    }

    static ProfileLimits withDistinctCap(int cap) {
        ProfileLimits d = ProfileLimits.defaults();
        return new ProfileLimits(cap, cap, d.maxFieldChars(), d.maxRaggedRows(), d.correlationColumns(),
                d.typeSampleRows(), d.categoricalMax());
    }
}
