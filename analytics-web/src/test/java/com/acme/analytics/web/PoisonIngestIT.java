package com.acme.analytics.web;

import com.acme.analytics.web.support.Client.Response;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.RetentionResource;
import com.acme.analytics.web.support.Tenants;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events the parser accepts but the database refuses (a metadata number beyond PostgreSQL's numeric range, SQLState
 * 22003), sent concurrently with good traffic: the good ones are acknowledged and stored, the bad ones refused
 * (400, or in a batch listed as rejected) or, when already acknowledged (buffered), dead-lettered; health stays UP.
 * U+0000 never gets that far: the parser refuses it naming the field.
 */
class PoisonIngestIT extends InNewWorkspace {

    /** Fits a Java BigDecimal (the parser takes it), overflows PostgreSQL's numeric (jsonb refuses it). */
    private static final String OUT_OF_RANGE = ",\"metadata\":{\"huge\":1e200000}";
    private static final String PATH = "api/analytics/real-time";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application().addClass(RetentionResource.class);
    }

    private String good(String id) {
        return event("click", "c1", ",\"eventId\":\"" + id + "\"");
    }

    private String poison(String id) {
        return event("click", "c1", ",\"eventId\":\"" + id + "\"" + OUT_OF_RANGE);
    }

    @Test
    void shouldStoreGoodEventsAndRefuseOrDeadLetterPoisonSentConcurrently() throws Exception {
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "g-" + i;
            calls.add(() -> expect(client.postJson(PATH, "{\"event\":" + good(id) + "}"), 200, id, r -> null));
        }
        for (int i = 0; i < 40; i++) {
            String id = "p-" + i;
            calls.add(() -> expect(client.postJson(PATH, "{\"event\":" + poison(id) + "}"), 400, id, r -> {
                JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
                return error.getString("field").equals("event") && error.getString("message")
                        .contains("database refused event " + id) && error.getString("message").contains("22003")
                        ? null : "unclear refusal " + r.body();
            }));
        }
        for (int i = 0; i < 20; i++) {
            String id = "b-" + i;
            calls.add(() -> expect(client.postJson(PATH, "{\"events\":[" + good(id + "-a") + "," + poison(id + "-p")
                    + "," + good(id + "-b") + "]}"), 200, id, r -> {
                JsonArray rejected = r.json().getJsonArray("rejected");
                return r.json().getInt("accepted") == 2 && rejected.size() == 1
                        && rejected.getJsonObject(0).getInt("index") == 1 ? null : "batch answer " + r.body();
            }));
        }
        for (int i = 0; i < 20; i++) {
            String id = "d-" + i;
            calls.add(() -> expect(client.postJson(PATH, "{\"event\":" + poison(id) + "}", "Prefer", "respond-async"),
                    202, id, r -> null));
        }
        Collections.shuffle(calls);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<String> wrong = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(calls)) {
                String problem = f.get(1, TimeUnit.MINUTES);
                if (problem != null) {
                    wrong.add(problem);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));

        assertEquals(240, storedEvents(), "every good event is stored");
        assertEquals(0, db.number("select count(*) from raw_event where workspace_id = ? and (event_id like 'p-%' "
                + "or event_id like '%-p' or event_id like 'd-%')", org));
        Eventually.within(Duration.ofSeconds(15), "the acknowledged poison events were not dead-lettered",
                () -> db.number("select count(*) from dead_letter where workspace_id = ?", org) == 20);
        Response health = client.get("health", "application/json");
        assertEquals(200, health.status(), health.body());
        assertEquals("UP", health.json().getString("status"));
    }

    @Test
    void shouldListTheWorkspacesDeadLettersToItsAdmins() throws Exception {
        assertEquals(202, client.postJson(PATH, "{\"event\":" + poison("dl-1") + "}", "Prefer", "respond-async")
                .status());
        Eventually.within(Duration.ofSeconds(15), "no dead letter listed",
                () -> client.get("api/workspaces/" + org + "/dead-letters", "application/json").jsonArray().size() == 1);
        JsonObject letter = client.get("api/workspaces/" + org + "/dead-letters", "application/json").jsonArray()
                .getJsonObject(0);
        assertEquals("dl-1", letter.getString("eventId"));
        assertEquals("22003", letter.getString("sqlState"));
        assertEquals("dl-1", letter.getJsonObject("event").getString("eventId"));
        assertTrue(letter.getString("reason").contains("numeric"), letter.toString());
        assertEquals(200, client.postJson(PATH, "{\"event\":" + good("after-dl") + "}").status(),
                "the dead letter is not retried ahead of good work");
    }

    @Test
    void shouldDeleteDeadLettersOlderThanTheirRetention() throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("""
                insert into dead_letter (workspace_id, event_id, event, sql_state, reason, failed_at)
                values (?, ?, '{}', '22003', 'value overflows numeric format', now() - ? * interval '1 day')""")) {
            for (int daysAgo : new int[] {31, 29}) {
                ps.setString(1, org);
                ps.setString(2, "refused-" + daysAgo + "-days-ago");
                ps.setInt(3, daysAgo);
                ps.executeUpdate();
            }
        }
        Response run = client.bearer(Tenants.operatorToken()).postJson("api/test/retention", "");
        assertEquals(204, run.status(), run.body());
        JsonArray kept = client.get("api/workspaces/" + org + "/dead-letters", "application/json").jsonArray();
        assertEquals(1, kept.size(), kept.toString());
        assertEquals("refused-29-days-ago", kept.getJsonObject(0).getString("eventId"),
                "kept for analytics.ingest.dead-letter-retention-days (30)");
    }

    @Test
    void rejectsNulInMetadataNamingTheFieldBeforeTheDatabase() throws Exception {
        Response r = client.postJson(PATH, "{\"event\":" + event("click", "c1",
                ",\"metadata\":{\"note\":\"a\\u0000b\"}") + "}", "Prefer", "respond-async");
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("event.metadata.note", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, storedEvents());
    }

    @Test
    void rejectsAnUnpairedSurrogateInATrackedWorkspaceEventNamingTheField() throws Exception {
        Response r = client.postJson("api/workspaces/" + org + "/analytics/realtime",
                "{\"eventType\":\"message.sent\",\"eventData\":{\"text\":\"a\\ud800b\"}}");
        assertEquals(400, r.status(), r.body());
        assertEquals("eventData.text", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, storedEvents());
    }

    private interface Check {
        String problem(Response r) throws Exception;
    }

    private static String expect(Response r, int status, String id, Check check) throws Exception {
        if (r.status() != status) {
            return id + ": " + r.status() + " instead of " + status + " " + r.body();
        }
        String problem = check.problem(r);
        return problem == null ? null : id + ": " + problem;
    }
}
