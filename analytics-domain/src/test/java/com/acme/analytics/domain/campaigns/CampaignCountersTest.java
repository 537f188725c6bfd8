package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.events.EventType;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.domain.metrics.Ratio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignCountersTest {

    private static CampaignCounters counters(int impressions, int clicks, int conversions, String spent) {
        CampaignCounters c = CampaignCounters.ZERO;
        for (int i = 0; i < impressions; i++) c = c.plus(EventType.IMPRESSION, new Money(0));
        for (int i = 0; i < clicks; i++) c = c.plus(EventType.CLICK, new Money(0));
        for (int i = 0; i < conversions; i++) c = c.plus(EventType.CONVERSION, new Money(0));
        return c.plus(new CampaignCounters(0, 0, 0, 0, 0, 0, 0, Money.of(new BigDecimal(spent))));
    }

    @Test
    void shouldDeriveTheDocumentedCampaignRates() {
        CampaignCounters c = counters(1500, 45, 3, "67.50");
        assertEquals(3.0, c.ctr());
        assertEquals(6.67, c.conversionRate());
        assertEquals(1.5, c.cpc());
        assertEquals(22.5, c.cpa());
    }

    @Test
    void shouldCountEachEventTypeInItsOwnCounter() {
        CampaignCounters c = CampaignCounters.ZERO;
        for (EventType t : EventType.values()) {
            c = c.plus(t, Money.of(BigDecimal.ONE));
        }
        assertEquals(new CampaignCounters(1, 1, 1, 1, 1, 1, 1, Money.of(new BigDecimal(7))), c);
    }

    @Test
    void shouldDerivePlaybackRatesFromViews() {
        CampaignCounters c = new CampaignCounters(10, 0, 0, 4, 5, 3, 1, new Money(0));
        assertEquals(50.0, c.engagementRate());
        assertEquals(75.0, c.completionRate());
        assertEquals(25.0, c.skipRate());
        RealTimeMetrics m = RealTimeMetrics.of("camp_1", Instant.EPOCH, c, 12.345, new Ratio(1, 4));
        assertEquals(4, m.adPlaybacks());
        assertEquals(12.35, m.averageViewTime());
        assertEquals(25.0, m.bounceRate());
    }

    @Test
    void shouldGiveZeroRatesWithoutADenominator() {
        CampaignCounters c = CampaignCounters.ZERO;
        assertEquals(0.0, c.ctr());
        assertEquals(0.0, c.cpc());
        assertEquals(0.0, c.cpa());
    }

    @Test
    void shouldAddUpADashboardSummaryOverCampaigns() {
        DashboardSummary s = DashboardSummary.of(List.of(counters(1000, 30, 1, "30"), counters(500, 15, 2, "37.50")));
        assertEquals(1500, s.totalImpressions());
        assertEquals(45, s.totalClicks());
        assertEquals(2, s.activeCampaigns());
        assertEquals(3.0, s.overallCtr());
        assertEquals(67.5, s.totalSpent());
    }

    @Test
    void rejectsNegativeCounters() {
        assertThrows(IllegalArgumentException.class, () -> new CampaignCounters(-1, 0, 0, 0, 0, 0, 0, new Money(0)));
    }
}
