package com.acme.analytics.ingest.events;

import com.acme.analytics.domain.events.FieldViolation;
import com.acme.analytics.domain.events.InvalidInputException;

import com.acme.analytics.domain.events.TrackedEvent;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import com.acme.analytics.ingest.retention.EventTimeLimits;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventParserTest {

    private static final Instant NOW = Instant.parse("2025-07-15T12:30:00Z");
    private final EventParser parser = new EventParser(new EventTimeLimits(90, 300), 3);

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
    }

    private List<FieldViolation> violations(String text) {
        return assertThrows(InvalidInputException.class, () -> parser.parse(json(text), "event", NOW)).violations();
    }

    @Test
    void shouldReadTheDocumentedClickEvent() {
        TrackedEvent e = parser.parse(json("""
                {'eventType': 'click', 'campaignId': 'camp_123', 'organizationId': 'org_456',
                 'metadata': {'sessionId': 'session_abc', 'deviceType': 'mobile', 'location': 'New York, NY'},
                 'value': 1.50}"""), "event", NOW);
        assertEquals("click", e.eventType());
        assertEquals("camp_123", e.campaignId());
        assertEquals("org_456", e.workspaceId());
        assertEquals(1_500_000, e.value().micros());
        assertEquals("session_abc", e.sessionId());
        assertEquals(NOW, e.occurredAt());
        assertNotNull(e.eventId());
        assertTrue(e.metadataJson().contains("New York, NY"));
    }

    @Test
    void shouldKeepTheClientsIdAndTimestamp() {
        TrackedEvent e = parser.parse(json("""
                {'eventType': 'impression', 'campaignId': 'c', 'organizationId': 'o', 'eventId': 'ev-1',
                 'timestamp': '2025-07-14T08:00:00.000Z'}"""), "event", NOW);
        assertEquals("ev-1", e.eventId());
        assertEquals(Instant.parse("2025-07-14T08:00:00Z"), e.occurredAt());
        assertEquals(0, e.value().micros());
        assertNull(e.sessionId());
    }

    @Test
    void shouldAcceptEpochMillisTimestamps() {
        TrackedEvent e = parser.parse(json("{'eventType': 'view', 'campaignId': 'c', 'organizationId': 'o', "
                + "'timestamp': 1752582600000}"), "event", NOW);
        assertEquals(NOW, e.occurredAt());
    }

    @Test
    void rejectsAnUnknownEventTypeNamingTheField() {
        List<FieldViolation> v = violations("{'eventType': 'purchase', 'campaignId': 'c', 'organizationId': 'o'}");
        assertEquals(1, v.size());
        assertEquals("event.eventType", v.get(0).field());
        assertTrue(v.get(0).message().contains("impression"), v.get(0).message());
    }

    @Test
    void rejectsMissingCampaignAndOrganizationTogether() {
        List<FieldViolation> v = violations("{'eventType': 'click'}");
        assertEquals(List.of("event.campaignId", "event.organizationId"),
                v.stream().map(FieldViolation::field).toList());
    }

    @Test
    void rejectsANonNumericValue() {
        List<FieldViolation> v = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'value': 'abc'}");
        assertEquals("event.value", v.get(0).field());
        assertEquals("must be a number", v.get(0).message());
    }

    @Test
    void rejectsBadTimestampMetadataAndBlankIds() {
        List<FieldViolation> v = violations("{'eventType': 'click', 'campaignId': ' ', 'organizationId': 5, "
                + "'timestamp': 'yesterday', 'metadata': []}");
        assertEquals(List.of("event.campaignId", "event.organizationId", "event.timestamp", "event.metadata"),
                v.stream().map(FieldViolation::field).toList());
    }

    @Test
    void shouldAcceptALateEventWithinTheRetentionPeriod() {
        Instant lastMonth = NOW.minus(Duration.ofDays(30));
        assertEquals(lastMonth, parser.parse(json("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'timestamp': '" + lastMonth + "'}"), "event", NOW).occurredAt());
    }

    @Test
    void rejectsAnEventTooFarInTheFutureOrPastTheRetention() {
        List<FieldViolation> future = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'timestamp': '" + NOW.plusSeconds(301) + "'}");
        assertEquals("event.timestamp", future.get(0).field());
        assertTrue(future.get(0).message().contains("future"), future.get(0).message());
        List<FieldViolation> old = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'timestamp': '" + NOW.minus(Duration.ofDays(95)) + "'}");
        assertTrue(old.get(0).message().contains("retention"), old.get(0).message());
    }

    @Test
    void rejectsMetadataNestedDeeperThanTheLimit() {
        parser.parse(json("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'metadata': {'a': {'b': [1]}}}"), "event", NOW);
        List<FieldViolation> v = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'metadata': {'a': {'b': [[1]]}}}");
        assertEquals("event.metadata", v.get(0).field());
        assertTrue(v.get(0).message().contains("3 levels"), v.get(0).message());
    }

    @Test
    void rejectsSomethingOtherThanAnObject() {
        assertEquals("events[3]", assertThrows(InvalidInputException.class,
                () -> parser.parse(json("[]"), "events[3]", NOW)).violations().get(0).field());
    }

    @Test
    void rejectsNulInAnIdNamingTheField() {
        List<FieldViolation> v = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'eventId': 'ev\\u0000x'}");
        assertEquals(List.of("event.eventId"), v.stream().map(FieldViolation::field).toList());
        assertTrue(v.get(0).message().contains("U+0000"), v.get(0).message());
        assertEquals("event.campaignId", violations("{'eventType': 'click', 'campaignId': '\\u0000', "
                + "'organizationId': 'o'}").get(0).field());
    }

    @Test
    void rejectsNulInANestedMetadataValueNamingItsPath() {
        List<FieldViolation> v = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'metadata': {'device': {'tags': ['ok', 'bad\\u0000']}}}");
        assertEquals(List.of("event.metadata.device.tags[1]"), v.stream().map(FieldViolation::field).toList());
    }

    @Test
    void rejectsNulInAMetadataKey() {
        List<FieldViolation> v = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'metadata': {'outer': {'k\\u0000': 1}}}");
        assertEquals("event.metadata.outer", v.get(0).field());
        assertTrue(v.get(0).message().startsWith("a key holds U+0000"), v.get(0).message());
    }

    @Test
    void rejectsUnpairedSurrogatesButKeepsPairedOnes() {
        List<FieldViolation> lone = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'metadata': {'high': '\\ud800x', 'low': 'x\\udc00'}}");
        assertEquals(List.of("event.metadata.high", "event.metadata.low"),
                lone.stream().map(FieldViolation::field).toList());
        assertTrue(lone.get(0).message().contains("U+D800"), lone.get(0).message());
        assertEquals("event.organizationId", violations("{'eventType': 'click', 'campaignId': 'c', "
                + "'organizationId': 'o\\udbff'}").get(0).field());
        TrackedEvent paired = parser.parse(json("{'eventType': 'click', 'campaignId': 'c\\ud83d\\ude00', "
                + "'organizationId': 'o', 'metadata': {'emoji': '\\ud83d\\ude00'}}"), "event", NOW);
        assertEquals("c\ud83d\ude00", paired.campaignId());
    }

    @Test
    void reportsUnstorableTextNextToOtherFaults() {
        List<FieldViolation> v = violations("{'eventType': 'click', 'campaignId': 'c', 'organizationId': 'o', "
                + "'value': 'x', 'metadata': {'sessionId': '\\u0000'}}");
        assertEquals(List.of("event.value", "event.metadata.sessionId"),
                v.stream().map(FieldViolation::field).toList());
    }
}
