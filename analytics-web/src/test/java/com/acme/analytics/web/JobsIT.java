package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.HeldJob;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.Tenants;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/jobs}: CSV uploads stored and queued, read back, refused past the limit, kept within their workspace;
 * and {@code /api/system/monitor}, whose figures are shown to follow what the server does (here, beside the jobs it
 * counts, to spare CI a deployment).
 */
class JobsIT extends InNewWorkspace {

    private static final int MAX_UPLOAD = 4 * 1024 * 1024;
    /** Shorter than the default 2 s, so that the monitor's tests wait less for a new sample. */
    private static final int MONITOR_INTERVAL_MS = 500;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.jobs.max-upload-bytes=" + MAX_UPLOAD,
                "analytics.realtime.monitor.interval-ms=" + MONITOR_INTERVAL_MS,
                // Only a cut database may change the status here, not a slow probe on a loaded CI machine.
                "analytics.realtime.monitor.slow-database-ms=5000");
    }

    private static String csv(int rows) {
        StringBuilder b = new StringBuilder("id,amount,city\n");
        for (int i = 0; i < rows; i++) {
            b.append(i).append(',').append(i % 97).append(".5,city").append(i % 7).append('\n');
        }
        return b.toString();
    }

    private Client.Response upload(Client as, String body) throws Exception {
        return as.request("POST", "api/jobs?name=sales.csv", body, "Content-Type", "text/csv");
    }

    @Test
    void acceptsACsvLargerThanTheJsonLimitsAndRunsItToAnEnd() throws Exception {
        String body = csv(80_000); // about 1.5 MB: more than the 1 MiB of ingest, less than the upload limit
        assertTrue(body.length() > 1024 * 1024);
        Client.Response r = upload(client, body);
        assertEquals(202, r.status(), r.body());
        JsonObject accepted = r.json();
        assertEquals(Set.of("job_id", "status", "stage"), accepted.keySet());
        assertEquals("queued", accepted.getString("status"));
        assertEquals("uploaded", accepted.getString("stage"));
        String id = accepted.getString("job_id");

        Eventually.within(Duration.ofSeconds(60), "job did not end", () -> List.of("done", "failed")
                .contains(client.get("api/jobs/" + id, "application/json").json().getString("status")));
        JsonObject job = client.get("api/jobs/" + id, "application/json").json();
        assertEquals(body.length(), job.getJsonNumber("bytes").longValue());
        assertEquals("sales.csv", job.getString("name"));
        assertEquals("done", job.getString("status"), job.getString("message"));
        assertEquals("insights_ready", job.getString("stage"));
        assertEquals(100, job.getInt("progress"));
        assertEquals("Analysis complete.", job.getString("message"));
        assertEquals(80_000, job.getJsonObject("insights").getJsonNumber("rows").longValue());
        assertEquals(id, client.get("api/jobs", "application/json").jsonArray().getJsonObject(0)
                .getString("job_id"));

        assertEquals(204, client.delete("api/jobs/" + id).status());
        assertEquals(404, client.get("api/jobs/" + id, "application/json").status());
    }

    @Test
    void refusesAnUploadPastTheLimitWith413ByItsLengthOrAsItStreams() throws Exception {
        String big = "a,b\n" + "x".repeat(MAX_UPLOAD) + "\n";
        Client.Response byLength = upload(client, big);
        assertEquals(413, byLength.status(), byLength.body());
        assertTrue(byLength.contentType().startsWith("application/problem+json"), byLength.contentType());

        // Without a Content-Length the body is counted as it arrives.
        HttpRequest chunked = HttpRequest.newBuilder(base.toURI().resolve("api/jobs"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + tenant.token("admin"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        int status;
        try {
            status = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            status = -1; // the server may close the connection on a body it stopped reading
        }
        assertTrue(status == 413 || status == -1, "status " + status);
        assertEquals(0, client.get("api/jobs", "application/json").jsonArray().size(), "nothing kept");
    }

    private static String form(String boundary, String field, String fileName, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nsome field first\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    }

    @Test
    void takesTheFilePartOfAFormNamedAfterItsFileAndRefusesAFormWithoutOne() throws Exception {
        String boundary = "----analytics" + System.nanoTime();
        String type = "multipart/form-data; boundary=" + boundary;
        String file = csv(2_000);
        Client.Response r = client.request("POST", "api/jobs", form(boundary, "file", "orders.csv", file),
                "Content-Type", type);
        assertEquals(202, r.status(), r.body());
        JsonObject job = client.get("api/jobs/" + r.json().getString("job_id"), "application/json").json();
        assertEquals("orders.csv", job.getString("name"));
        assertEquals(file.length(), job.getJsonNumber("bytes").longValue(), "only the file part is stored");

        Client.Response none = client.request("POST", "api/jobs", form(boundary, "attachment", "x.csv", file),
                "Content-Type", type);
        assertEquals(400, none.status(), none.body());
        assertTrue(none.contentType().startsWith("application/problem+json"), none.contentType());
        assertTrue(none.body().contains("\"file\""), none.body());

        Client.Response big = client.request("POST", "api/jobs",
                form(boundary, "file", "big.csv", "a,b\n" + "x".repeat(MAX_UPLOAD)), "Content-Type", type);
        assertEquals(413, big.status(), big.body());
        assertEquals(1, client.get("api/jobs", "application/json").jsonArray().size(), "only the good form kept");
    }

    @Test
    void answers404ForAnotherWorkspacesJob() throws Exception {
        String id = upload(client, csv(10)).json().getString("job_id");
        Tenants.Tenant other = new Tenants(new Client(base)).create();
        Client them = new Client(base).bearer(other.token("admin"));
        assertEquals(404, them.get("api/jobs/" + id, "application/json").status());
        assertEquals(404, them.delete("api/jobs/" + id).status());
        assertEquals(0, them.get("api/jobs", "application/json").jsonArray().size());
        assertEquals(404, client.get("api/jobs/not-a-uuid", "application/json").status());
    }

    @Test
    void answersJobNotFoundOnBothSocketsAndGivesAFinishedJobsEndAtOnce() throws Exception {
        Client.Socket general = client.webSocket("ws");
        try {
            general.send("{\"type\":\"subscribe_job\",\"job_id\":\"" + java.util.UUID.randomUUID() + "\"}");
            assertEquals("Job not found", general.awaitMessage(m -> m.getString("type").equals("error"))
                    .getString("message"));
            Client.Socket direct = client.webSocket("ws/job/" + java.util.UUID.randomUUID());
            assertEquals("Job not found", direct.awaitMessage(m -> m.getString("type").equals("error"))
                    .getString("message"));
            direct.awaitClose();

            String id = upload(client, csv(100)).json().getString("job_id");
            Eventually.within(Duration.ofSeconds(60), "job did not end", () -> List.of("done", "failed")
                    .contains(client.get("api/jobs/" + id, "application/json").json().getString("status")));
            assertEquals("done", client.get("api/jobs/" + id, "application/json").json().getString("status"));
            String end = "job_complete";
            general.send("{\"type\":\"subscribe_job\",\"job_id\":\"" + id + "\"}");
            JsonObject last = general.awaitMessage(m -> m.getString("type").equals(end));
            assertEquals(id, last.getString("job_id"));
            Client.Socket late = client.webSocket("ws/job/" + id);
            try {
                assertEquals(id, late.awaitMessage(m -> m.getString("type").equals(end)).getString("job_id"));
            } finally {
                late.close();
            }
        } finally {
            general.close();
        }
    }

    @Test
    void refusesAViewerUpload() throws Exception {
        Client viewer = new Client(base).bearer(tenant.token("viewer"));
        assertEquals(403, upload(viewer, csv(5)).status());
    }

    private JsonObject monitor(Client as) throws Exception {
        Client.Response r = as.get("api/system/monitor", "application/json");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static boolean lists(JsonObject sample, String field, String key, String value) {
        return sample.getJsonArray(field).stream().map(JsonValue::asJsonObject)
                .anyMatch(o -> value.equals(o.getString(key, null)));
    }

    @Test
    void showsTheMonitorToOperatorsAndAdminsNotMembersWithTheRequestsAndTheDatabaseMeasured() throws Exception {
        Client operator = new Client(base).bearer(Tenants.operatorToken());
        Client.Response member = new Client(base).bearer(tenant.token("member")).get("api/system/monitor",
                "application/json");
        assertEquals(403, member.status(), member.body());
        assertTrue(member.contentType().startsWith("application/problem+json"), member.contentType());
        assertEquals(200, client.get("api/system/monitor", "application/json").status());

        JsonObject sample = monitor(operator);
        assertEquals("healthy", sample.getString("status"), sample.toString());
        JsonObject database = sample.getJsonObject("components").getJsonObject("database");
        assertEquals("up", database.getString("status"));
        assertEquals(JsonValue.ValueType.NUMBER, database.get("latencyMs").getValueType(), database.toString());
        assertTrue(database.getJsonNumber("latencyMs").doubleValue() > 0, database.toString());

        // 300 requests in a burst: the window's 9 full seconds average at least 25 a second while they are in it.
        for (int i = 0; i < 300; i++) {
            assertEquals(200, operator.get("api/system/monitor", "application/json").status());
        }
        Eventually.within(Duration.ofSeconds(10), "requests.perSecond did not rise after 300 requests",
                () -> monitor(operator).getJsonObject("requests").getJsonNumber("perSecond").doubleValue() >= 25);
    }

    @Test
    void countsARunningJobAsABusyWorkerAndShowsItToTheOperatorAndItsOwnAdminOnly() throws Exception {
        Client operator = new Client(base).bearer(Tenants.operatorToken());
        Client otherAdmin = new Client(base).bearer(new Tenants(new Client(base)).create().token("admin"));
        String id;
        try (HeldJob held = HeldJob.queue(db, org, csv(1_000))) {
            id = held.id();
            AtomicReference<JsonObject> seen = new AtomicReference<>();
            try {
                Eventually.within(Duration.ofSeconds(20), "the held job not running on a busy worker", () -> {
                    JsonObject s = monitor(operator);
                    seen.set(s);
                    return s.getJsonObject("components").getJsonObject("analysis_workers").getInt("busy") >= 1
                            && lists(s, "activeJobs", "jobId", id);
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the job's status in the database: " + db.text(
                        "select status || ' ' || coalesce(lease_owner, '-') from analysis_job where id = ?::uuid",
                        id) + "; the last sample: " + seen.get(), e);
            }
            assertTrue(lists(monitor(client), "activeJobs", "jobId", id), "its own admin sees it");
            JsonObject theirs = monitor(otherAdmin);
            assertTrue(!lists(theirs, "activeJobs", "jobId", id), "another workspace's admin sees it");
            assertTrue(theirs.getJsonArray("activity").stream().map(JsonValue::asJsonObject)
                    .noneMatch(a -> a.getString("message").contains(id)), theirs.toString());
            assertTrue(monitor(operator).getJsonArray("activity").stream().map(JsonValue::asJsonObject)
                    .anyMatch(a -> a.getString("kind").equals("job_started") && a.getString("message")
                            .contains(id)), "the operator's activity names the job started");
        }
        Eventually.within(Duration.ofSeconds(60), "the released job did not finish", () -> "done".equals(
                client.get("api/jobs/" + id, "application/json").json().getString("status")));
        Eventually.within(Duration.ofSeconds(10), "the finished job still active", () -> {
            JsonObject s = monitor(operator);
            return !lists(s, "activeJobs", "jobId", id) && s.getJsonArray("activity").stream()
                    .map(JsonValue::asJsonObject).anyMatch(a -> a.getString("kind").equals("job_completed")
                            && a.getString("message").contains(id));
        });
    }

    @Test
    void turnsDownWhileTheDatabaseIsCutAndHealthyAgainAfterwards() throws Exception {
        Client operator = new Client(base).bearer(Tenants.operatorToken());
        db.proxy().cut();
        try {
            Eventually.within(Duration.ofSeconds(20), "the monitor not down without its database",
                    () -> "down".equals(monitor(operator).getString("status")));
            JsonObject database = monitor(operator).getJsonObject("components").getJsonObject("database");
            assertEquals("down", database.getString("status"));
            assertEquals(JsonValue.NULL, database.get("latencyMs"));
        } finally {
            db.proxy().restore();
        }
        Eventually.within(Duration.ofSeconds(30), "the monitor not healthy after the database came back",
                () -> "healthy".equals(monitor(operator).getString("status")));
        List<String> kinds = monitor(operator).getJsonArray("activity").stream().map(JsonValue::asJsonObject)
                .map(a -> a.getString("kind")).toList();
        assertTrue(kinds.indexOf("database_up") >= 0 && kinds.indexOf("database_up") < kinds.indexOf("database_down"),
                "newest first: database_up after database_down, in " + kinds);
    }
}
