package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixpanelConnectorTest {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void derivesTheMinimumFrequencyFromTheHourlyQuota() {
        MixpanelConnector c = new MixpanelConnector();
        assertEquals(Duration.ofMinutes(1), c.minimumFrequency(json("{'projectId':1}")).floor());
        assertEquals(Duration.ofMinutes(3), c.minimumFrequency(json("{'projectId':1,'events':['a','b']}")).floor());
        assertEquals(Duration.ofMinutes(2), c.minimumFrequency(json("{'projectId':1,'events':['a','b'],"
                + "'export':false}")).floor());
        assertTrue(c.minimumFrequency(json("{'events':['a']}")).reason().contains("60 queries an hour"));
    }

    @Test
    void readsSegmentationPointsPerDayAndHour() throws Exception {
        var days = MixpanelConnector.segmentationPoints("Sign Up", json("{'data':{'series':['2026-12-01'],"
                + "'values':{'Sign Up':{'2026-12-01':3}}},'legend_size':1}"));
        assertEquals(1, days.size());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), days.get(0).bucket());
        assertEquals(3.0, days.get(0).value());
        assertEquals(Map.of(), days.get(0).dimensions());
        var hours = MixpanelConnector.segmentationPoints("Sign Up", json("{'data':{'values':{'Sign Up':"
                + "{'2026-12-01 13:00:00':2}}}}"));
        assertEquals(Instant.parse("2026-12-01T13:00:00Z"), hours.get(0).bucket());
        assertThrows(ProviderException.class, () -> MixpanelConnector.segmentationPoints("x", json("{'error':1}")));
    }

    @Test
    void readsAnExportLineWithItsInsertIdAndTime() throws Exception {
        var e = MixpanelExport.event("{\"event\":\"Login\",\"properties\":{\"time\":1764666000,"
                + "\"$insert_id\":\"abc\",\"distinct_id\":\"u1\"}}", 1);
        assertEquals("abc", e.id());
        assertEquals("Login", e.type());
        assertEquals(Instant.ofEpochSecond(1764666000), e.timestamp());
        assertEquals("u1", e.data().getString("distinct_id"));
        var ms = MixpanelExport.event("{\"event\":\"Login\",\"properties\":{\"time\":1764666000123}}", 2);
        assertEquals(Instant.ofEpochMilli(1764666000123L), ms.timestamp());
        ProviderException bad = assertThrows(ProviderException.class, () -> MixpanelExport.event("{oops", 3));
        assertEquals(ProviderException.Kind.MALFORMED, bad.kind());
    }
}
