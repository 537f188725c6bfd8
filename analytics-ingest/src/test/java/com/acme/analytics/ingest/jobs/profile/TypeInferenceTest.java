package com.acme.analytics.ingest.jobs.profile;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeInferenceTest {

    @TempDir
    Path dir;

    @Test
    void shouldInferEachType() throws Exception {
        StringBuilder csv = new StringBuilder("i,d,b,day,at,cat,free\n");
        for (int k = 0; k < 200; k++) {
            csv.append(k - 50).append(',').append(k / 4.0).append(',').append(k % 2 == 0 ? "true" : "No")
                    .append(',').append(String.format("2024-%02d-%02d", k % 12 + 1, k % 28 + 1)).append(',')
                    .append(String.format("2024-01-01T%02d:%02d:00Z", k % 24, k % 60)).append(',')
                    .append("c").append(k % 3).append(',').append("word").append(k).append('\n');
        }
        JsonObject insights = Profiles.analyse(dir, csv.toString());
        assertEquals("integer", Profiles.column(insights, "i").getString("type"));
        assertEquals("decimal", Profiles.column(insights, "d").getString("type"));
        assertEquals("boolean", Profiles.column(insights, "b").getString("type"));
        assertEquals("date", Profiles.column(insights, "day").getString("type"));
        assertEquals("datetime", Profiles.column(insights, "at").getString("type"));
        assertEquals("categorical", Profiles.column(insights, "cat").getString("type"));
        assertEquals("text", Profiles.column(insights, "free").getString("type"));
        assertEquals("2024-01-01", Profiles.column(insights, "day").getString("min"));
        assertEquals("2024-12-28", Profiles.column(insights, "day").getString("max"));
    }

    @Test
    void shouldDemoteTheSampledTypeWhenALaterValueDoesNotFit() throws Exception {
        StringBuilder csv = new StringBuilder("n,m\n");
        for (int k = 1; k <= 1500; k++) {
            csv.append(k).append(',').append(k).append('\n');
        }
        csv.append("2.5,oops\n");
        JsonObject insights = Profiles.analyse(dir, csv.toString());
        JsonObject n = Profiles.column(insights, "n");
        assertEquals("decimal", n.getString("type"), "integer demoted to decimal: still numeric");
        assertEquals("integer", n.getString("inferred_type"));
        assertEquals(1502, n.getJsonObject("demoted_by").getInt("line"));
        assertEquals((1500 * 1501 / 2 + 2.5) / 1501, n.getJsonNumber("mean").doubleValue(), 1e-9);
        JsonObject m = Profiles.column(insights, "m");
        assertEquals("text", m.getString("type"));
        assertEquals("oops", m.getJsonObject("demoted_by").getString("value"));
        assertFalse(m.containsKey("mean"), "a text column has no numeric figures");
        assertTrue(Profiles.alerts(insights, "mixed_types").contains("m"));
    }

    @Test
    void shouldSniffDelimiterAndByteOrderMark() throws Exception {
        byte[] body = "a;b;c\n1;2;3\n4;5;6\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, withBom, 3, body.length);
        JsonObject insights = Profiles.analyse(dir, withBom, ProfileLimits.defaults());
        assertEquals(";", insights.getString("delimiter"));
        assertTrue(insights.getBoolean("bom"));
        assertEquals("a", insights.getJsonArray("header").getString(0), "the BOM is not part of the first name");
        assertEquals(2, insights.getInt("rows"));
        JsonObject tabs = Profiles.analyse(dir, "a\tb\n\"x,y\"\t2\n");
        assertEquals("\t", tabs.getString("delimiter"));
        assertEquals("x,y", Profiles.column(tabs, "a").getJsonArray("top_values").getJsonObject(0)
                .getString("value"));
    }
}
