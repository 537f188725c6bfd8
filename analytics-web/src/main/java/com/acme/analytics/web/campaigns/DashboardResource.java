package com.acme.analytics.web.campaigns;

import com.acme.analytics.ingest.events.InvalidInputException;
import com.acme.analytics.ingest.metrics.CampaignMetricsQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;

/** The organization dashboard: {@code summary} plus one row per active campaign. */
@Path("analytics/real-time/dashboard")
@RequestScoped
public class DashboardResource {

    @Inject
    CampaignMetricsQuery metrics;
    @Inject
    TimeWindows windows;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CampaignMetricsQuery.Dashboard dashboard(@QueryParam("organizationId") String organizationId,
                                                    @QueryParam("timeWindow") String timeWindow) throws SQLException {
        if (organizationId == null || organizationId.isBlank()) {
            throw new InvalidInputException("organizationId", "is required");
        }
        return metrics.dashboard(organizationId, windows.parse(timeWindow));
    }
}
