package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.MetricSourcesResource;
import com.acme.analytics.web.support.MixedEvents;
import com.acme.analytics.web.support.Tenants;
import com.acme.analytics.web.support.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * History from the rollups: every view gives the same figures from the per-minute rollups and daily actor sets as
 * from the raw events, late events and duplicates included, and the rollups still answer once the raw events are
 * gone.
 */
@ExtendWith(ArquillianExtension.class)
class MetricSourcesIT {

    private static final int EVENTS = 300;

    @ArquillianResource
    URL base;

    private final TestDatabase db = TestDatabase.get();
    private Client client;
    private String org;
    private MixedEvents events;
    private Instant now;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application().addClass(MetricSourcesResource.class);
    }

    @BeforeEach
    void ingestMixedEvents() throws Exception {
        Tenants.Tenant tenant = new Tenants(new Client(base)).create();
        org = tenant.id();
        client = new Client(base).bearer(tenant.token("admin"));
        now = Instant.now();
        events = new MixedEvents(org, "", now, EVENTS, MixedEvents.DAYS, 137);
        Response first = client.postJson("api/analytics/real-time", events.firstBatch());
        assertEquals(200, first.status(), first.body());
        assertEquals(EVENTS, first.json().getInt("accepted"));
        assertEquals(1, first.json().getInt("duplicates"));
        Response again = client.postJson("api/analytics/real-time", events.repeatedBatch());
        assertEquals(10, again.json().getInt("duplicates"), again.body());
    }

    private JsonArray evaluate(String view, String groupBy, String campaign, String window, String sources)
            throws Exception {
        Response r = client.get("api/test/metric-sources?view=" + view + "&groupBy=" + groupBy
                + (campaign == null ? "" : "&campaignId=" + campaign) + "&window="
                + URLEncoder.encode(window, StandardCharsets.UTF_8) + "&at=" + now + "&sources=" + sources,
                "application/json");
        assertEquals(200, r.status(), r.body());
        return r.jsonArray();
    }

    private String wholeDays() {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return today.minusDays(4).atStartOfDay(ZoneOffset.UTC).toInstant() + "/"
                + today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void shouldGiveTheSameFiguresFromRollupsAsFromRawEvents() throws Exception {
        String[][] cases = {
                {"realTime", "NONE", "c0", "3600"},
                {"realTime", "CAMPAIGN", null, "3600"},
                {"realTime", "CAMPAIGN", null, "604800"},
                {"realTime", "CAMPAIGN", null, wholeDays()},
                {"dashboard", "NONE", null, "3600"},
                {"dashboard", "NONE", null, wholeDays()},
                {"stats", "NONE", null, "today"},
                {"eventCounts", "EVENT_TYPE", null, "today"},
                {"eventCounts", "EVENT_TYPE", null, wholeDays()},
        };
        for (String[] c : cases) {
            JsonArray fromRollups = evaluate(c[0], c[1], c[2], c[3], "ALL");
            assertEquals(evaluate(c[0], c[1], c[2], c[3], "RAW"), fromRollups, String.join(" ", c));
            assertTrue(!fromRollups.isEmpty(), String.join(" ", c));
        }
        JsonObject c1 = evaluate("realTime", "CAMPAIGN", null, wholeDays(), "ALL").getJsonObject(1)
                .getJsonObject("values");
        Instant dayStart = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(4).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        assertEquals(events.count("click", "c1", dayStart, now), c1.getJsonNumber("clicks").longValue());
        assertEquals(events.sessions("c1", dayStart, now), c1.getJsonNumber("sessions").longValue());
        JsonObject lastHour = evaluate("realTime", "NONE", "c2", "3600", "ALL").getJsonObject(0)
                .getJsonObject("values");
        assertEquals(events.count("impression", "c2", now.minusSeconds(3600), now),
                lastHour.getJsonNumber("impressions").longValue());
    }

    @Test
    void shouldCountEachStoredEventOnceInTheMinuteItHappened() throws Exception {
        assertEquals(EVENTS, db.number("select sum(events) from event_minute where workspace_id = ?", org));
        Instant minute = events.time(3).truncatedTo(ChronoUnit.MINUTES);
        long expected = events.count(events.type(3), events.campaign(3), minute, minute.plusSeconds(60));
        assertTrue(expected > 0);
        assertEquals(expected, db.number("select sum(events) from event_minute where workspace_id = ?"
                        + " and minute = ? and campaign_id = ? and event_type = ?", org,
                minute.atOffset(ZoneOffset.UTC), events.campaign(3), events.type(3)));
        assertEquals(db.number("select count(distinct session_id) from raw_event where workspace_id = ?", org),
                db.number("select count(distinct nullif(session_id, '')) from actor_day where workspace_id = ?", org));
    }

    @Test
    void shouldKeepHistoryOnceTheRawEventsAreGone() throws Exception {
        JsonObject before = evaluate("realTime", "CAMPAIGN", null, wholeDays(), "ALL").getJsonObject(0)
                .getJsonObject("values");
        JsonObject dashboardBefore = evaluate("dashboard", "NONE", null, wholeDays(), "ALL").getJsonObject(0)
                .getJsonObject("values");
        try (var con = db.connect(); var st = con.prepareStatement("delete from raw_event where workspace_id = ?")) {
            st.setString(1, org);
            assertEquals(EVENTS, st.executeUpdate());
        }
        JsonObject after = evaluate("realTime", "CAMPAIGN", null, wholeDays(), "ALL").getJsonObject(0)
                .getJsonObject("values");
        for (String counted : new String[]{"impressions", "clicks", "conversions", "views", "spent", "sessions",
                "ctr", "cpc"}) {
            assertEquals(before.get(counted), after.get(counted), counted);
        }
        assertTrue(before.getJsonNumber("sessions").longValue() > 0);
        assertEquals(dashboardBefore, evaluate("dashboard", "NONE", null, wholeDays(), "ALL").getJsonObject(0)
                .getJsonObject("values"));
        assertEquals(0, evaluate("dashboard", "NONE", null, wholeDays(), "RAW").getJsonObject(0)
                .getJsonObject("values").getJsonNumber("totalClicks").longValue());
    }
}
