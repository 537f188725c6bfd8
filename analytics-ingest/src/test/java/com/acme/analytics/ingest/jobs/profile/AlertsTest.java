package com.acme.analytics.ingest.jobs.profile;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertsTest {

    @TempDir
    Path dir;

    /**
     * 1,000 rows: id unique (but for 10 duplicated rows), k constant, gap 10 % missing, code 100 distinct words, spike one huge value,
     * twice = 2 id (correlated), zero 20 % zeros.
     */
    private JsonObject generated(boolean duplicateRows) throws Exception {
        StringBuilder csv = new StringBuilder("id,k,gap,code,spike,twice,zero\n");
        for (int i = 0; i < 1000; i++) {
            int id = duplicateRows && i >= 990 ? i - 10 : i;
            csv.append(id).append(",same,").append(id % 10 == 0 ? "" : "g" + id % 4).append(',').append("w")
                    .append(id % 100).append(',').append(id == 500 ? 1_000_000_000 : id % 7).append(',')
                    .append(2 * id).append(',').append(id % 5 == 0 ? 0 : 3).append('\n');
        }
        return Profiles.analyse(dir, csv.toString());
    }

    @Test
    void shouldRaiseEachColumnAlertAtItsThreshold() throws Exception {
        JsonObject insights = generated(false);
        assertEquals(List.of("id", "twice"), Profiles.alerts(insights, "unique"));
        assertEquals(List.of("k"), Profiles.alerts(insights, "constant"));
        assertEquals(List.of("gap"), Profiles.alerts(insights, "missing"));
        assertEquals(List.of("code"), Profiles.alerts(insights, "high_cardinality"));
        assertEquals(List.of("spike"), Profiles.alerts(insights, "skewed"));
        assertEquals(List.of("zero", "spike"), Profiles.alerts(insights, "zeros"), "20 % before 14 %");
        assertEquals(List.of("id"), Profiles.alerts(insights, "high_correlation"));
        assertEquals(List.of(), Profiles.alerts(insights, "duplicate_rows"));
    }

    @Test
    void shouldCountDuplicateRowsExactlyUnderTheCap() throws Exception {
        JsonObject insights = generated(true);
        assertEquals(List.of("(file)"), Profiles.alerts(insights, "duplicate_rows"));
        assertEquals(10, insights.getJsonObject("duplicate_rows").getInt("count"));
        assertTrue(insights.getJsonObject("duplicate_rows").getBoolean("exact"));
        assertEquals("duplicate_rows", insights.getJsonArray("alerts").getJsonObject(0).getString("kind"),
                "the heaviest alert first");
    }

    @Test
    void shouldEstimateDuplicateRowsPastTheCapWithoutFalseAlarms() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(',').append(i % 3).append('\n');
        }
        JsonObject unique = Profiles.analyse(dir, csv.toString().getBytes(), Profiles.withDistinctCap(1000));
        assertFalse(unique.getJsonObject("duplicate_rows").getBoolean("exact"));
        assertEquals(List.of(), Profiles.alerts(unique, "duplicate_rows"), "95 % bounds: no alert on unique rows");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(',').append(i % 3).append('\n');
        }
        JsonObject doubled = Profiles.analyse(dir, csv.toString().getBytes(), Profiles.withDistinctCap(1000));
        assertEquals(List.of("(file)"), Profiles.alerts(doubled, "duplicate_rows"));
        assertEquals(50_000, doubled.getJsonObject("duplicate_rows").getInt("count"), 50_000 * 0.05);
    }

    @Test
    void shouldRankTheSummaryByImportance() throws Exception {
        JsonObject insights = generated(true);
        var summary = insights.getJsonArray("summary");
        assertTrue(summary.getString(0).startsWith("1,000 rows and 7 columns"), summary.getString(0));
        assertTrue(summary.getString(1).contains("duplicate an earlier row"), summary.getString(1));
        assertTrue(summary.getString(2).contains("missing"), summary.getString(2));
    }
}
