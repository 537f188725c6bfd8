package com.acme.analytics.web.alerts;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.outbound.OutboundHosts;
import com.acme.analytics.realtime.alerts.AlertDispatch;
import com.acme.analytics.realtime.alerts.AlertPreviews;
import com.acme.analytics.realtime.alerts.Backtest;
import com.acme.analytics.realtime.alerts.AlertHistory;
import com.acme.analytics.realtime.alerts.AlertRecords;
import com.acme.analytics.realtime.alerts.AlertRule;
import com.acme.analytics.realtime.alerts.AlertRuleParser;
import com.acme.analytics.realtime.alerts.AlertRules;
import com.acme.analytics.realtime.alerts.MetricFields;
import com.acme.analytics.realtime.alerts.SystemAlertRules;
import com.acme.analytics.realtime.alerts.SystemAlerts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A workspace's alert rules, for its admins: {@code POST} (201), {@code GET}, {@code GET /{alertId}},
 * {@code PUT /{alertId}}, {@code DELETE /{alertId}}, {@code GET /{alertId}/history}, {@code POST /{alertId}/test},
 * {@code POST /preview}, {@code GET /fields}, {@code GET /system}. A rule is validated whole before anything is stored; the
 * answer is the rule as given with its {@code id}, webhook secrets left out (a {@code PUT} that leaves a webhook's
 * secret out keeps the stored one of the same URL).
 */
@Path("workspaces/{workspaceId}/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
public class AlertsResource {

    static final int MAX_BODY_CHARS = 64 * 1024;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    AlertRules rules;
    @Inject
    OutboundHosts outbound;
    @Inject
    AlertHistory history;
    @Inject
    AlertRecords records;
    @Inject
    AlertPreviews previews;
    @Inject
    SystemAlerts systemAlerts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("workspaceId") String workspaceId, String body) throws SQLException {
        JsonObject rule = valid(body);
        AlertRules.Stored stored = rules.create(workspaceId, rule.toString());
        return Response.created(URI.create("workspaces/" + workspaceId + "/alerts/" + stored.id()))
                .entity(shown(stored)).build();
    }

    /**
     * A backtest: when the rule (as it would be created, not stored) would have fired and resolved over the last
     * 24 h of stored minutes, and its value at each minute (the editor's chart).
     */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject preview(@PathParam("workspaceId") String workspaceId, String body) throws SQLException {
        AlertRule rule = AlertRuleParser.parse(valid(body), outbound);
        Backtest.Result r = previews.preview(workspaceId, rule, Instant.now());
        JsonArrayBuilder transitions = JSON.createArrayBuilder();
        r.transitions().forEach(t -> {
            JsonObjectBuilder b = JSON.createObjectBuilder().add("group", t.group()).add("kind", t.kind())
                    .add("at", t.at().toString());
            transitions.add(t.value() == null ? b : b.add("value", t.value()));
        });
        JsonObjectBuilder series = JSON.createObjectBuilder();
        r.series().forEach((group, values) -> {
            JsonArrayBuilder v = JSON.createArrayBuilder();
            for (double x : values) {
                v.add(x);
            }
            series.add(group, v);
        });
        return JSON.createObjectBuilder().add("from", r.from().toString()).add("to", r.to().toString())
                .add("stepSeconds", Backtest.STEP.toSeconds())
                .add("fired", r.transitions().stream().filter(t -> t.kind().equals("fired")).count())
                .add("transitions", transitions).add("series", series).build();
    }

    /** The rules, each with where its groups stand ({@code states}), for the alerts page's list. */
    @GET
    public JsonArray list(@PathParam("workspaceId") String workspaceId) throws SQLException {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (AlertRules.Stored r : rules.list(workspaceId)) {
            all.add(JSON.createObjectBuilder(shown(r)).add("states", history.states(r.id())));
        }
        return all.build();
    }

    /**
     * The built-in system alerts as this instance sees them: each one's phase, since when and last value, the
     * workspace's integrations' sync alerts among them.
     */
    @GET
    @Path("system")
    public JsonObject system(@PathParam("workspaceId") String workspaceId) {
        JsonArrayBuilder alerts = JSON.createArrayBuilder();
        for (SystemAlertRules.Status s : systemAlerts.statuses(workspaceId)) {
            JsonObjectBuilder b = JSON.createObjectBuilder().add("kind", s.kind()).add("title", s.title())
                    .add("phase", s.phase().name().toLowerCase(Locale.ROOT));
            if (s.since() != null) {
                b.add("since", s.since().toString());
            }
            alerts.add(s.value() == null ? b : b.add("value", s.value()));
        }
        return JSON.createObjectBuilder().add("enabled", systemAlerts.enabled()).add("alerts", alerts).build();
    }

    /** The fields a rule may watch, by view: what the editor offers. */
    @GET
    @Path("fields")
    public JsonObject fields() {
        JsonObjectBuilder views = JSON.createObjectBuilder();
        for (String view : List.of("campaign", "dashboard", "workspace", "category")) {
            views.add(view, JSON.createArrayBuilder(MetricFields.of(view)));
        }
        return views.build();
    }

    /** The rule, with where each of its groups stands ({@code states}). */
    @GET
    @Path("{alertId}")
    public JsonObject get(@PathParam("workspaceId") String workspaceId, @PathParam("alertId") String alertId)
            throws SQLException {
        AlertRules.Stored stored = rules.find(workspaceId, alertId).orElseThrow(() -> notFound(alertId));
        return JSON.createObjectBuilder(shown(stored)).add("states", history.states(stored.id())).build();
    }

    /** What fired, resolved or was tested, newest first, with values, thresholds and every delivery attempt. */
    @GET
    @Path("{alertId}/history")
    public JsonObject history(@PathParam("workspaceId") String workspaceId, @PathParam("alertId") String alertId,
                              @QueryParam("limit") @DefaultValue("50") int limit) throws SQLException {
        if (limit < 1 || limit > AlertHistory.MAX_EVENTS) {
            throw new InvalidInputException("limit", "must be from 1 to " + AlertHistory.MAX_EVENTS);
        }
        AlertRules.Stored stored = rules.find(workspaceId, alertId).orElseThrow(() -> notFound(alertId));
        return JSON.createObjectBuilder().add("alertId", stored.id()).add("states", history.states(stored.id()))
                .add("events", history.events(stored.id(), limit)).build();
    }

    /**
     * Sends a test notification through every channel of the rule, as a firing would (signed webhook included):
     * 202, and the event whose deliveries the history then shows.
     */
    @POST
    @Path("{alertId}/test")
    public Response test(@PathParam("workspaceId") String workspaceId, @PathParam("alertId") String alertId)
            throws SQLException {
        AlertRules.Stored stored = rules.find(workspaceId, alertId).orElseThrow(() -> notFound(alertId));
        AlertRule rule;
        try (var reader = JSON.createReader(new StringReader(stored.definition()))) {
            rule = AlertRuleParser.parseStored(reader.readValue());
        }
        AlertDispatch test = AlertDispatch.test(stored.id(), workspaceId, rule, Instant.now());
        records.recordTest(test);
        return Response.accepted(JSON.createObjectBuilder().add("eventId", test.eventId().toString())
                .add("channels", test.deliveries().size())
                .add("history", "/api/workspaces/" + workspaceId + "/alerts/" + stored.id() + "/history").build())
                .build();
    }

    @PUT
    @Path("{alertId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject replace(@PathParam("workspaceId") String workspaceId, @PathParam("alertId") String alertId,
                              String body) throws SQLException {
        AlertRules.Stored stored = rules.find(workspaceId, alertId).orElseThrow(() -> notFound(alertId));
        JsonObject rule = valid(StoredSecrets.kept(body, stored.definition()));
        if (!rules.replace(workspaceId, alertId, rule.toString())) {
            throw notFound(alertId);
        }
        return get(workspaceId, alertId);
    }

    @DELETE
    @Path("{alertId}")
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("alertId") String alertId)
            throws SQLException {
        if (!rules.delete(workspaceId, alertId)) {
            throw notFound(alertId);
        }
        return Response.noContent().build();
    }

    private JsonObject valid(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "is required: a rule as JSON");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new InvalidInputException("body", "must be at most " + MAX_BODY_CHARS + " characters");
        }
        JsonValue value;
        try (var reader = JSON.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidInputException("body", "is not JSON: " + e.getMessage());
        }
        AlertRuleParser.parse(value, outbound);
        return value.asJsonObject();
    }

    /** The stored definition with its id and times; secrets are never answered. */
    private static JsonObject shown(AlertRules.Stored r) {
        JsonObject definition;
        try (var reader = JSON.createReader(new StringReader(r.definition()))) {
            definition = reader.readObject();
        }
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", r.id());
        definition.forEach((k, v) -> b.add(k, k.equals("channels") ? withoutSecrets(v.asJsonArray()) : v));
        return b.add("createdAt", r.createdAt().toString()).add("updatedAt", r.updatedAt().toString()).build();
    }

    private static JsonArray withoutSecrets(JsonArray channels) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        channels.forEach(c -> b.add(JSON.createObjectBuilder(c.asJsonObject()).remove("secret")));
        return b.build();
    }

    private static NotFoundException notFound(String alertId) {
        return new NotFoundException("no alert rule " + alertId + " in this workspace");
    }
}
