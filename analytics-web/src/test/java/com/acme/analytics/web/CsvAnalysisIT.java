package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profiler as installed: an upload followed to {@code job_complete} with insights, and each bad file's error. */
class CsvAnalysisIT extends InNewWorkspace {

    private static final int MAX_RAGGED = 3;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.jobs.max-ragged-rows=" + MAX_RAGGED);
    }

    private String upload(byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("api/jobs?name=t.csv"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + tenant.token("admin"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject().getString("job_id");
    }

    private JsonObject ended(String id) throws Exception {
        Eventually.within(Duration.ofSeconds(60), "job " + id + " did not end", () -> List.of("done", "failed")
                .contains(client.get("api/jobs/" + id, "application/json").json().getString("status")));
        return client.get("api/jobs/" + id, "application/json").json();
    }

    @Test
    void shouldFollowAnUploadToItsInsightsWithProgressNeverFalling() throws Exception {
        StringBuilder csv = new StringBuilder("id,amount,city,day,flag\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append(i).append(',').append(i % 97).append(".5,city").append(i % 7).append(",2024-03-")
                    .append(String.format("%02d", i % 28 + 1)).append(',').append(i % 2 == 0).append('\n');
        }
        String id = upload(csv.toString().getBytes(StandardCharsets.UTF_8));
        Client.Socket socket = client.webSocket("ws/job/" + id);
        List<JsonObject> updates = new ArrayList<>();
        JsonObject complete;
        try {
            complete = socket.awaitMessage(m -> {
                if (m.getString("type").equals("job_update")) {
                    updates.add(m);
                }
                return m.getString("type").equals("job_complete") || m.getString("type").equals("job_error");
            });
        } finally {
            socket.close();
        }
        assertEquals("job_complete", complete.getString("type"), complete.toString());
        assertTrue(updates.stream().anyMatch(u -> u.getString("stage").equals("profiling")), updates.toString());
        int last = 0;
        for (JsonObject u : updates) {
            assertTrue(List.of("uploaded", "parsing", "profiling", "correlating").contains(u.getString("stage")),
                    u.toString());
            assertTrue(u.getInt("progress") >= last, updates.toString());
            last = u.getInt("progress");
        }
        JsonObject insights = complete.getJsonObject("insights");
        assertEquals(200_000, insights.getInt("rows"));
        assertEquals(5, insights.getInt("columns"));
        Map<String, String> types = new java.util.HashMap<>();
        insights.getJsonArray("columns_profile").getValuesAs(JsonObject.class)
                .forEach(c -> types.put(c.getString("name"), c.getString("type")));
        assertEquals(Map.of("id", "integer", "amount", "decimal", "city", "categorical", "day", "date",
                "flag", "boolean"), types);
        assertTrue(insights.getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                .anyMatch(a -> a.getString("kind").equals("unique") && a.getString("column").equals("id")));
        assertTrue(insights.getJsonArray("summary").getString(0).startsWith("200,000 rows and 5 columns"));
        assertEquals(insights, ended(id).getJsonObject("insights"), "the stored insights are the pushed ones");
    }

    @Test
    void shouldFailEachBadFileWithItsLineAndReason() throws Exception {
        ByteArrayOutputStream badUtf8 = new ByteArrayOutputStream();
        badUtf8.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        badUtf8.write(new byte[] {'3', ',', (byte) 0xff, '\n'});
        Map<byte[], String> files = new java.util.LinkedHashMap<>();
        files.put(new byte[0], "Processing failed: the file is empty");
        files.put(bytes("1,2\n3,4\n"), "Processing failed: line 1: no header: the first row holds numbers");
        files.put(bytes("a,b,a\n1,2,3\n"), "Processing failed: line 1: duplicate column name 'a'");
        files.put(bytes("a,b\n1,2\n3,\"open\n4,5\n"), "Processing failed: line 3: unbalanced quotes");
        files.put(bytes("a,b\n1\n2\n3\n4\n5,6\n"), "Processing failed: line 5: ragged rows: 4 rows");
        files.put(badUtf8.toByteArray(), "Processing failed: line 3: invalid UTF-8");
        files.put(bytes("a,b\n1,2\n3," + "y".repeat(10 * 1024 * 1024) + "\n"),
                "Processing failed: line 3: field 2 is longer than 1048576 characters");
        List<String> ids = new ArrayList<>();
        for (byte[] file : files.keySet()) {
            ids.add(upload(file));
        }
        int i = 0;
        for (String expected : files.values()) {
            JsonObject job = ended(ids.get(i++));
            assertEquals("failed", job.getString("status"), job.toString());
            assertEquals("error", job.getString("stage"));
            assertTrue(job.getString("message").startsWith(expected), job.getString("message"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
