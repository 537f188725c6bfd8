package com.acme.analytics.web.campaigns;

import com.acme.analytics.domain.campaigns.CampaignCounters;
import com.acme.analytics.domain.campaigns.RealTimeMetrics;
import com.acme.analytics.ingest.access.Access;
import com.acme.analytics.ingest.access.CurrentCaller;
import com.acme.analytics.ingest.access.Permission;
import com.acme.analytics.ingest.events.InvalidInputException;
import com.acme.analytics.ingest.metrics.CampaignHistory;
import com.acme.analytics.ingest.metrics.CampaignMetricsQuery;
import com.acme.analytics.ingest.metrics.TimeWindow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A campaign's live metrics over a window, and its daily rollups, in the caller's workspace (the optional
 * {@code organizationId} query parameter must name it).
 */
@Path("campaigns/{campaignId}/analytics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Permission.READ, workspaceQuery = "organizationId")
public class CampaignAnalyticsResource {

    @Inject
    CampaignMetricsQuery metrics;
    @Inject
    CampaignHistory history;
    @Inject
    TimeWindows windows;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("real-time")
    public CampaignMetricsAnswer realTime(@PathParam("campaignId") String campaignId,
                                          @QueryParam("timeWindow") String timeWindow) throws SQLException {
        TimeWindow window = windows.parse(timeWindow);
        return new CampaignMetricsAnswer(campaignId, window.seconds(),
                metrics.campaign(caller.workspaceId(), campaignId, window));
    }

    /** Daily rollups from {@code from} to {@code to} (UTC dates, inclusive; default the last 30 days). */
    @GET
    @Path("daily")
    public List<Day> daily(@PathParam("campaignId") String campaignId,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate last = date(to, "to", LocalDate.now(ZoneOffset.UTC));
        LocalDate first = date(from, "from", last.minusDays(29));
        return history.days(caller.workspaceId(), campaignId, first, last).stream()
                .map(d -> Day.of(d.day(), d.counters())).toList();
    }

    private static LocalDate date(String text, String field, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2025-07-15");
        }
    }

    /** The answer of the campaign metrics endpoint: {@code metrics} holds the {@code RealTimeMetrics}. */
    public record CampaignMetricsAnswer(String campaignId, long timeWindow, RealTimeMetrics metrics) {
    }

    /** One day of a campaign (the documents' {@code CampaignAnalytics} row). */
    public record Day(LocalDate date, long impressions, long clicks, long conversions, double ctr,
                      double conversionRate, double spent, double cpc, double cpa) {

        static Day of(LocalDate date, CampaignCounters c) {
            return new Day(date, c.impressions(), c.clicks(), c.conversions(), c.ctr(), c.conversionRate(),
                    c.spent().units(), c.cpc(), c.cpa());
        }
    }
}
