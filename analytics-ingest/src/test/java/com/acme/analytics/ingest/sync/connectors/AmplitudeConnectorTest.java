package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AmplitudeConnectorTest {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void readsRealTimeSegmentationBuckets() throws Exception {
        var points = AmplitudeConnector.segmentationPoints("Purchase", json("{'data':{'series':[[3,5]],"
                + "'xValues':['2026-12-02T10:00:00','2026-12-02T10:05:00']}}"));
        assertEquals(2, points.size());
        assertEquals(Instant.parse("2026-12-02T10:05:00Z"), points.get(1).bucket());
        assertEquals(5.0, points.get(1).value());
        assertThrows(ProviderException.class, () -> AmplitudeConnector.segmentationPoints("x",
                json("{'data':{'series':[[1]],'xValues':[]}}")));
    }

    @Test
    void takesTodaysNewestActiveUsers() throws Exception {
        assertEquals(12.0, AmplitudeConnector.activeUsers(json("{'data':{'series':[[10,12],[8,9]]}}")));
        assertThrows(ProviderException.class, () -> AmplitudeConnector.activeUsers(json("{'data':{}}")));
    }

    @Test
    void needsFiveMinutesBetweenSegmentationsAndOneForActiveUsers() {
        AmplitudeConnector c = new AmplitudeConnector();
        assertEquals(Duration.ofMinutes(5), c.minimumFrequency(json("{'events':['a']}")).floor());
        assertEquals(Duration.ofMinutes(1), c.minimumFrequency(json("{}")).floor());
    }
}
