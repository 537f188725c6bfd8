package com.acme.analytics.ingest.jobs.profile;

import jakarta.json.JsonObjectBuilder;

/**
 * One finding, ydata-profiling's kinds and thresholds. {@code weight} ranks the summary: how much it changes what
 * can be concluded from the file (duplicated or missing data first, mere descriptions last).
 *
 * @param column the column, or null for a finding about the whole file
 */
record Alert(String column, Kind kind, String message, double weight) {

    enum Kind {
        DUPLICATE_ROWS(90), MISSING(80), MIXED_TYPES(70), CONSTANT(60), HIGH_CORRELATION(50), SKEWED(40),
        ZEROS(30), UNIQUE(20), HIGH_CARDINALITY(10);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    JsonObjectBuilder toJson() {
        JsonObjectBuilder o = Json.object();
        if (column == null) {
            o.addNull("column");
        } else {
            o.add("column", column);
        }
        return o.add("kind", kind.json()).add("message", message);
    }
}
