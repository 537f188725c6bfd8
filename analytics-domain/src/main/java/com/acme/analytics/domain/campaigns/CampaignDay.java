package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.metrics.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The daily rollup of one campaign (the documents' {@code CampaignAnalytics}, unique by campaign and date).
 * Rows are written by the batch flusher's upsert, never through JPA, so this entity is read-only; the derived
 * rates come from {@link #counters()}.
 */
@Entity
@Table(name = "campaign_analytics")
@IdClass(CampaignDay.Key.class)
public class CampaignDay {

    @Id
    @Column(name = "workspace_id")
    private String workspaceId;
    @Id
    @Column(name = "campaign_id")
    private String campaignId;
    @Id
    @Column(name = "day")
    private LocalDate day;

    private long impressions;
    private long clicks;
    private long conversions;
    private long views;
    private long engagements;
    private long completions;
    private long skips;
    @Column(name = "spent_micros")
    private long spentMicros;

    protected CampaignDay() {
        // JPA only
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String campaignId() {
        return campaignId;
    }

    public LocalDate day() {
        return day;
    }

    public CampaignCounters counters() {
        return new CampaignCounters(impressions, clicks, conversions, views, engagements, completions, skips,
                new Money(spentMicros));
    }

    /** The composite key: workspace, campaign, UTC day. */
    public static class Key implements Serializable {
        private String workspaceId;
        private String campaignId;
        private LocalDate day;

        protected Key() {
            // JPA only
        }

        public Key(String workspaceId, String campaignId, LocalDate day) {
            this.workspaceId = Objects.requireNonNull(workspaceId);
            this.campaignId = Objects.requireNonNull(campaignId);
            this.day = Objects.requireNonNull(day);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && workspaceId.equals(k.workspaceId) && campaignId.equals(k.campaignId)
                    && day.equals(k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, campaignId, day);
        }
    }
}
