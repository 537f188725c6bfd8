package com.acme.analytics.web.support;

import com.acme.analytics.domain.campaigns.CampaignViews;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.workspaces.WorkspaceViews;
import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.Permission;
import com.acme.analytics.metrics.LiveWindows;
import com.acme.analytics.metrics.MetricEngine;
import com.acme.analytics.domain.metrics.EventFilter;
import com.acme.analytics.domain.metrics.Metric;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Deployed only by the tests: evaluates one of the documents' views in the caller's workspace from the sources
 * asked for, so that a test can check that every source gives the same figures.
 */
@Path("test/metric-sources")
@RequestScoped
public class MetricSourcesResource {

    private static final Map<String, MetricView> VIEWS = Map.of("realTime", CampaignViews.REAL_TIME,
            "dashboard", CampaignViews.DASHBOARD, "stats", WorkspaceViews.STATS,
            "eventCounts", WorkspaceViews.EVENT_COUNTS);

    @Inject
    MetricEngine engine;
    @Inject
    CurrentCaller caller;
    @Inject
    LiveWindows live;

    /** Whether memory answers a count over the last {@code seconds} now (it saw the whole window). */
    @GET
    @Path("live")
    @Produces(MediaType.TEXT_PLAIN)
    @Access(Permission.READ)
    public boolean live(@QueryParam("seconds") long seconds) {
        MetricWindow w = MetricWindow.lastSeconds(seconds);
        return live.answers(new Metric.Count(EventFilter.all()), w,
                w.at(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
    }

    /**
     * @param window {@code today}, a number of seconds (trailing), or {@code from/to} (ISO instants)
     * @param at     the evaluation's "now" (ISO instant), or none for the present
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.READ)
    public JsonArray evaluate(@QueryParam("view") String view, @QueryParam("groupBy") String groupBy,
                              @QueryParam("campaignId") String campaignId, @QueryParam("window") String window,
                              @QueryParam("at") String at, @QueryParam("sources") String sources)
            throws SQLException {
        MetricWindow w;
        if (window.equals("today")) {
            w = WorkspaceViews.TODAY;
        } else if (window.contains("/")) {
            String[] bounds = window.split("/");
            w = new MetricWindow.Range(Instant.parse(bounds[0]), Instant.parse(bounds[1]));
        } else {
            w = MetricWindow.lastSeconds(Long.parseLong(window));
        }
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (MetricEngine.Row row : engine.evaluate(VIEWS.get(view), new MetricEngine.Scope(caller.workspaceId(),
                        campaignId, MetricEngine.GroupBy.valueOf(groupBy)), w,
                at == null ? Instant.now() : Instant.parse(at),
                MetricEngine.Sources.valueOf(sources))) {
            JsonObjectBuilder values = Json.createObjectBuilder();
            row.values().forEach((name, v) -> {
                if (v instanceof Long l) {
                    values.add(name, l);
                } else {
                    values.add(name, v.doubleValue());
                }
            });
            rows.add(Json.createObjectBuilder().add("key", row.key() == null ? "" : row.key()).add("values", values));
        }
        return rows.build();
    }
}
