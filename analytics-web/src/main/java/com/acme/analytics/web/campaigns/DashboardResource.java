package com.acme.analytics.web.campaigns;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.Permission;
import com.acme.analytics.metrics.CampaignMetricsQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;

/**
 * The organization dashboard: {@code summary} plus one row per active campaign, of the caller's workspace (the
 * optional {@code organizationId} query parameter must name it).
 */
@Path("analytics/real-time/dashboard")
@RequestScoped
public class DashboardResource {

    @Inject
    CampaignMetricsQuery metrics;
    @Inject
    TimeWindows windows;
    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Permission.READ, workspaceQuery = "organizationId")
    public CampaignMetricsQuery.Dashboard dashboard(@QueryParam("timeWindow") String timeWindow) throws SQLException {
        return metrics.dashboard(caller.workspaceId(), windows.parse(timeWindow));
    }
}
