package com.acme.analytics.ingest.sync.connectors;

import com.acme.analytics.ingest.sync.ProviderException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointerMappingTest {

    private static final JsonProvider JSON = JsonProvider.provider();
    private final Instant now = Instant.parse("2026-12-02T10:00:30Z");

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static PointerMapping mapping(String config) {
        Map<String, String> wrong = new HashMap<>();
        PointerMapping m = PointerMapping.read(json(config), wrong);
        assertTrue(wrong.isEmpty(), wrong.toString());
        return m;
    }

    @Test
    void readsMetricsByPointerNumbersOrNumericStrings() throws Exception {
        PointerMapping m = mapping("{'metrics':{'total_requests':'/stats/total','rate':'/stats/a~1b'}}");
        var values = m.metrics(json("{'stats':{'total':1250,'a/b':'0.5'}}"));
        assertEquals(Map.of("total_requests", 1250.0, "rate", 0.5), values);
    }

    @Test
    void refusesAnAnswerWithoutTheMetricAsMalformed() {
        PointerMapping m = mapping("{'metrics':{'total':'/stats/total'}}");
        ProviderException e = assertThrows(ProviderException.class, () -> m.metrics(json("{'stats':{}}")));
        assertEquals(ProviderException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("metric total"), e.getMessage());
    }

    @Test
    void readsEventsWithTheirIdsTypesTimesAndData() throws Exception {
        PointerMapping m = mapping("{'events':{'path':'/items','id':'/uid','type':'/kind','timestamp':'/at',"
                + "'data':'/payload'}}");
        var events = m.events(json("{'items':[{'uid':'e1','kind':'signup','at':'2026-12-02T09:00:00Z',"
                + "'payload':{'plan':'pro'}},{'uid':'e2','kind':'login','at':1764666000}]}"), now);
        assertEquals(2, events.size());
        assertEquals("e1", events.get(0).id());
        assertEquals("signup", events.get(0).type());
        assertEquals(Instant.parse("2026-12-02T09:00:00Z"), events.get(0).timestamp());
        assertEquals("pro", events.get(0).data().getString("plan"));
        assertEquals(Instant.ofEpochSecond(1764666000), events.get(1).timestamp());
        assertTrue(events.get(1).data().isEmpty());
    }

    @Test
    void givesAnEventWithoutAnIdPointerAStableDigest() throws Exception {
        PointerMapping m = mapping("{'events':{'path':'/events'}}");
        var a = m.events(json("{'events':[{'type':'x','timestamp':1},{'type':'y','timestamp':1}]}"), now);
        var again = m.events(json("{'events':[{'type':'x','timestamp':1}]}"), now);
        assertEquals(a.get(0).id(), again.get(0).id());
        assertNotEquals(a.get(0).id(), a.get(1).id());
    }

    @Test
    void refusesAPathThatIsNotAnArray() {
        PointerMapping m = mapping("{'events':{'path':'/events'}}");
        assertThrows(ProviderException.class, () -> m.events(json("{'events':{}}"), now));
    }
}
