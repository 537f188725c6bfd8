package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Deployments;
import com.acme.analytics.web.support.Eventually;
import com.acme.analytics.web.support.SecondInstance;
import com.acme.analytics.web.support.Tenants;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An accepted upload is analysed even when the instance running it dies: the job's lease runs out and the other
 * instance takes the job up again from its stored upload, to the end.
 */
@ExtendWith(ArquillianExtension.class)
class JobTakenUpAfterItsInstanceDiedIT {

    private static final String LEASE = "analytics.jobs.lease-seconds=3";

    @ArquillianResource
    URL base;

    /**
     * This instance looks for work every 10 s only, so the other one, woken by the upload it takes, claims the job
     * first; it is here to take the job up once the other is gone.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(LEASE, "analytics.jobs.poll-interval-ms=10000", "analytics.jobs.workers=1");
    }

    /** Enough rows that the analysis runs for seconds, so the instance can die in the middle of it. */
    private static String csv() {
        StringBuilder b = new StringBuilder(64 * 1024 * 1024).append("id,amount,ratio,city,day\n");
        for (int i = 0; i < 1_500_000; i++) {
            b.append(i).append(',').append(i % 1013).append(',').append((i * 7 % 10_000) / 100.0).append(",city")
                    .append(i % 211).append(",2026-11-").append(10 + i % 20).append('\n');
        }
        return b.toString();
    }

    @Test
    void aJobWhoseInstanceWasKilledMidwayIsFinishedByTheOther() throws Exception {
        Tenants.Tenant tenant = new Tenants(new Client(base)).create();
        Client here = new Client(base).bearer(tenant.token("member"));
        String body = csv();
        String id;
        try (SecondInstance doomed = SecondInstance.start(Deployments.application(LEASE,
                "analytics.jobs.workers=1"))) {
            Client there = new Client(doomed.base()).bearer(tenant.token("member"));
            Client.Response r = there.request("POST", "api/jobs?name=big.csv", body, "Content-Type", "text/csv");
            assertEquals(202, r.status(), r.body());
            id = r.json().getString("job_id");
            String job = "api/jobs/" + id;
            Eventually.within(Duration.ofSeconds(60), "the doomed instance never started the job",
                    () -> here.get(job, "application/json").json().getString("status").equals("running"));
            doomed.kill();
            JsonObject midway = here.get(job, "application/json").json();
            assertEquals("running", midway.getString("status"), "the job ended before its instance was killed");
            assertEquals(1, midway.getInt("attempts"));
        }
        String job = "api/jobs/" + id;
        Eventually.within(Duration.ofSeconds(180), "the job was not finished by the surviving instance",
                () -> here.get(job, "application/json").json().getString("status").equals("done"));
        JsonObject done = here.get(job, "application/json").json();
        assertEquals(2, done.getInt("attempts"), done.toString());
        assertEquals(100, done.getInt("progress"));
        JsonObject insights = done.getJsonObject("insights");
        assertEquals(1_500_000, insights.getJsonNumber("rows").longValue(), "the whole stored upload was analysed");
        assertTrue(insights.getJsonArray("columns_profile").size() == 5, insights.toString().substring(0, 200));
    }
}
