package com.acme.analytics.ingest.simulator;

import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationRequestTest {

    private static final SimulatorLimits LIMITS = new SimulatorLimits(6000, 1440, 10_000, 5, 3);

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static List<String> faultyFields(String body) {
        return assertThrows(InvalidInputException.class, () -> SimulationRequest.read(json(body), LIMITS))
                .violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void shouldReadTheDocumentsStartBody() {
        SimulationRequest r = SimulationRequest.read(json("""
                {'action': 'start', 'campaignIds': ['camp_123', 'camp_124'], 'organizationId': 'org_456',
                 'options': {'eventsPerMinute': 120, 'duration': 30, 'impressionRate': 0.7, 'clickRate': 0.25,
                             'conversionRate': 0.05}}"""), LIMITS);
        assertEquals(SimulationRequest.Action.START, r.action());
        assertEquals(List.of("camp_123", "camp_124"), r.campaignIds());
        assertEquals("org_456", r.organizationId());
        assertEquals(120, r.eventsPerMinute());
        assertEquals(30, r.durationMinutes());
        assertEquals(new EventMix(0.7, 0.25, 0.05), r.mix());
        assertEquals(0, r.errorRate());
    }

    @Test
    void shouldTakeDefaultsForAbsentOptions() {
        SimulationRequest burst = SimulationRequest.read(json("{'action': 'burst', 'campaignIds': ['c']}"), LIMITS);
        assertEquals(SimulationRequest.DEFAULT_BURST, burst.count());
        assertEquals(EventMix.DEFAULT, burst.mix());
        assertNull(burst.organizationId());
        SimulationRequest stop = SimulationRequest.read(json("{'action': 'stop', 'simulationId': 'sim_1'}"), LIMITS);
        assertEquals("sim_1", stop.simulationId());
        assertTrue(stop.campaignIds().isEmpty());
    }

    @Test
    void rejectsOptionsBeyondTheLimitsNamingEachField() {
        assertEquals(List.of("options.eventsPerMinute", "options.duration", "options.count", "options.errorRate"),
                faultyFields("""
                        {'action': 'start', 'campaignIds': ['c'], 'options': {'eventsPerMinute': 6001,
                         'duration': 0, 'count': 10001, 'errorRate': 1.5}}"""));
        assertEquals(List.of("options.eventsPerMinute"), faultyFields(
                "{'action': 'start', 'campaignIds': ['c'], 'options': {'eventsPerMinute': 2.5}}"));
        assertEquals(List.of("options"), faultyFields(
                "{'action': 'start', 'campaignIds': ['c'], 'options': {'impressionRate': 0.9, 'clickRate': 0.2}}"));
    }

    @Test
    void rejectsAMissingActionOrCampaignList() {
        assertEquals(List.of("action"), faultyFields("{'action': 'dance', 'campaignIds': ['c']}"));
        assertEquals(List.of("campaignIds"), faultyFields("{'action': 'journey'}"));
        assertEquals(List.of("campaignIds"), faultyFields("{'action': 'burst', 'campaignIds': ['a', 'b', 'c', 'd']}"));
        assertEquals(List.of("campaignIds[1]"), faultyFields("{'action': 'burst', 'campaignIds': ['a', 7]}"));
        assertEquals(List.of("organizationId"), faultyFields("{'action': 'stop', 'organizationId': ''}"));
    }
}
