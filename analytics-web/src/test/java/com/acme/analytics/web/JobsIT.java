package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.InNewWorkspace;
import com.acme.analytics.web.support.Tenants;
import jakarta.json.JsonObject;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/jobs}: CSV uploads stored and queued, read back, refused past the limit, kept within their workspace. */
class JobsIT extends InNewWorkspace {

    private static final int MAX_UPLOAD = 4 * 1024 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("analytics.jobs.max-upload-bytes=" + MAX_UPLOAD);
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
}
