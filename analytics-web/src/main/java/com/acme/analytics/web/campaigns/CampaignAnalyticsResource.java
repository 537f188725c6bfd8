package com.acme.analytics.web.campaigns;

import com.acme.analytics.domain.campaigns.CampaignCounters;
import com.acme.analytics.domain.campaigns.CampaignViews;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.campaigns.RealTimeMetrics;
import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.Permission;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.metrics.CampaignHistory;
import com.acme.analytics.metrics.CampaignMetricsQuery;
import com.acme.analytics.web.events.Ingest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

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
    @Inject
    Ingest ingest;

    /** Events of this campaign: those that name no campaign get this one. Answered as the pipeline's ingest. */
    @POST
    @Path("real-time")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Permission.TRACK)
    public void track(@PathParam("campaignId") String campaignId, InputStream body,
                      @HeaderParam(HttpHeaders.CONTENT_LENGTH) long contentLength,
                      @HeaderParam("Prefer") String prefer, @Suspended AsyncResponse async) {
        ingest.handle(body, contentLength, campaignId, prefer, async);
    }

    @GET
    @Path("real-time")
    public CampaignMetricsAnswer realTime(@PathParam("campaignId") String campaignId,
                                          @QueryParam("timeWindow") String timeWindow) throws SQLException {
        MetricWindow.Trailing window = windows.parse(timeWindow);
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
            Map<String, Number> v = CampaignViews.REAL_TIME.derive(c.asViewBase(),
                    new MetricWindow.Range(date.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), Instant.now());
            RealTimeMetrics m = RealTimeMetrics.from(null, Instant.now(), v);
            return new Day(date, m.impressions(), m.clicks(), m.conversions(), m.ctr(), m.conversionRate(),
                    m.totalSpent(), m.cpc(), m.cpa());
        }
    }
}
