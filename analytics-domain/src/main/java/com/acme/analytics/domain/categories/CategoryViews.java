package com.acme.analytics.domain.categories;

import com.acme.analytics.domain.metrics.EventFilter;
import com.acme.analytics.domain.metrics.Metric;
import com.acme.analytics.domain.metrics.Metric.Quotient.Scale;
import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.Subject;

/**
 * The {@code leads}, {@code social_media} and {@code ai_agents} categories of the dashboard socket, each over the
 * window it is asked for. Each view's first entry counts the events the category is about, so a split row whose
 * first value is 0 holds none of them.
 */
public final class CategoryViews {

    /** Event types that bring a lead: a campaign conversion, a sign-up, or a lead recorded as such. */
    public static final EventFilter LEAD_EVENTS = EventFilter.types("conversion", "signup", "lead");
    public static final EventFilter SOCIAL_EVENTS = EventFilter.prefix("social.");
    public static final EventFilter AGENT_EVENTS = EventFilter.prefix("agent.");

    /** Leads, meant to be split by campaign as well. */
    public static final MetricView LEADS = MetricView.named("leads")
            .add("leads", new Metric.Count(LEAD_EVENTS))
            .add("uniqueLeads", new Metric.Distinct(Subject.USER, LEAD_EVENTS))
            .add("conversions", new Metric.Count(EventFilter.types("conversion")))
            .add("signups", new Metric.Count(EventFilter.types("signup")))
            .add("clicks", new Metric.Count(EventFilter.types("click")))
            .add("spent", new Metric.Sum(EventFilter.all()))
            .add("leadRate", new Metric.Quotient("leads", "clicks", Scale.PERCENT))
            .add("costPerLead", new Metric.Quotient("spent", "leads", Scale.AMOUNT_PER_ITEM))
            .build();

    /** Social interactions, meant to be split by event type as well. */
    public static final MetricView SOCIAL_MEDIA = MetricView.named("social media")
            .add("interactions", new Metric.Count(SOCIAL_EVENTS))
            .add("shares", new Metric.Count(EventFilter.types("social.share")))
            .add("likes", new Metric.Count(EventFilter.types("social.like")))
            .add("comments", new Metric.Count(EventFilter.types("social.comment")))
            .add("mentions", new Metric.Count(EventFilter.types("social.mention")))
            .add("platforms", new Metric.Distinct(Subject.property("platform"), SOCIAL_EVENTS))
            .add("people", new Metric.Distinct(Subject.USER, SOCIAL_EVENTS))
            .build();

    /** The work of AI agents, meant to be split by event type as well. */
    public static final MetricView AI_AGENTS = MetricView.named("ai agents")
            .add("agentEvents", new Metric.Count(AGENT_EVENTS))
            .add("activeAgents", new Metric.Distinct(Subject.property("agentId"), AGENT_EVENTS))
            .add("conversations", new Metric.Distinct(Subject.SESSION, AGENT_EVENTS))
            .add("tasksCompleted", new Metric.Count(EventFilter.types("agent.task.completed")))
            .add("tasksFinished", new Metric.Count(EventFilter.types("agent.task.completed", "agent.task.failed")))
            .add("successRate", new Metric.Quotient("tasksCompleted", "tasksFinished", Scale.PERCENT))
            .add("averageDurationMs", new Metric.Mean("durationMs", AGENT_EVENTS))
            .build();

    private CategoryViews() {
    }
}
