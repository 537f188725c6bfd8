package com.acme.analytics.web;

import com.acme.analytics.web.support.Client;
import com.acme.analytics.web.support.Deployments;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload accepted by an instance without workers is analysed by the other instance, and its follower on the
 * first hears the job's end live through the cluster feed.
 */
@ExtendWith(ArquillianExtension.class)
class JobsTwoInstancesIT {

    private static final String FEED = "analytics.realtime.cluster-feed=postgres";
    private static final String POLL = "analytics.jobs.poll-interval-ms=5000";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(FEED, POLL, "analytics.jobs.workers=0");
    }

    @Test
    void aJobRunOnTheOtherInstanceReachesTheFollowersOfThisOne() throws Exception {
        Tenants.Tenant tenant = new Tenants(new Client(base)).create();
        Client front = new Client(base).bearer(tenant.token("member"));
        try (SecondInstance worker = SecondInstance.start(Deployments.application(FEED, POLL,
                "analytics.jobs.workers=1"))) {
            Client.Response r = front.request("POST", "api/jobs", "id,amount\n1,2\n3,4\n", "Content-Type",
                    "text/csv");
            assertEquals(202, r.status(), r.body());
            String id = r.json().getString("job_id");
            Client.Socket follower = front.webSocket("ws/job/" + id);
            try {
                // The follower normally subscribes while the job waits for the other instance's next poll; should
                // that poll come first, the job's state (or its end) is what the follower gets at once.
                List<String> ends = List.of("job_complete", "job_error");
                JsonObject first = follower.awaitMessage(m -> true);
                assertTrue(ends.contains(first.getString("type")) || first.getString("type").equals("job_update"),
                        first.toString());
                JsonObject end = ends.contains(first.getString("type")) ? first
                        : follower.awaitMessage(m -> ends.contains(m.getString("type")));
                assertEquals(id, end.getString("job_id"));
                JsonObject stored = new Client(worker.base()).bearer(tenant.token("member"))
                        .get("api/jobs/" + id, "application/json").json();
                assertTrue(List.of("done", "failed").contains(stored.getString("status")), stored.toString());
                assertEquals(stored.getString("message"), end.getString("message"));
            } finally {
                follower.close();
            }
        }
    }
}
