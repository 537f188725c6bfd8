package com.acme.analytics.ingest.jobs.profile;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;

/** What a finished pass found, written as the {@code insights} of {@code job_complete}. */
record Insights(Header header, Dialect dialect, long bytes, long rows, long raggedRows, List<ColumnProfile> columns,
                List<Correlations.Pair> pairs, int columnsPaired, int numericColumns, DuplicateRows duplicates) {

    JsonObject toJson() {
        JsonArrayBuilder names = Json.array();
        header.names().forEach(names::add);
        JsonArrayBuilder profiles = Json.array();
        columns.forEach(c -> profiles.add(c.toJson()));
        JsonArrayBuilder correlations = Json.array();
        pairs.forEach(p -> correlations.add(Json.object().add("a", p.a()).add("b", p.b()).add("pearson",
                p.pearson())));
        List<Alert> alerts = Alerts.of(columns, pairs, duplicates);
        JsonArrayBuilder alertsJson = Json.array();
        alerts.forEach(a -> alertsJson.add(a.toJson()));
        JsonArrayBuilder summary = Json.array();
        Summary.of(rows, columns.size(), bytes, dialect, raggedRows, columns, alerts).forEach(summary::add);
        return Json.object()
                .add("rows", rows)
                .add("columns", columns.size())
                .add("bytes", bytes)
                .add("encoding", dialect.charset().name())
                .add("bom", dialect.bomBytes() > 0)
                .add("delimiter", String.valueOf(dialect.delimiter()))
                .add("header", names)
                .add("ragged_rows", raggedRows)
                .add("duplicate_rows", Json.object().add("count", duplicates.duplicates())
                        .add("exact", duplicates.isExact()))
                .add("columns_profile", profiles)
                .add("correlations", correlations)
                .add("correlations_columns", Json.object().add("numeric", numericColumns).add("paired", columnsPaired))
                .add("alerts", alertsJson)
                .add("summary", summary)
                .build();
    }
}
