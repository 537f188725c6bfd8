package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.domain.metrics.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignCountersTest {

    @Test
    void shouldDeriveAStoredDaysRatesByTheLiveDefinitions() {
        CampaignCounters day = new CampaignCounters(1500, 45, 3, 4, 0, 3, 1, Money.of(new BigDecimal("67.50")));
        RealTimeMetrics m = RealTimeMetrics.from("camp_123", Instant.EPOCH, CampaignViews.REAL_TIME.derive(
                day.asViewBase(), MetricWindow.lastSeconds(86_400), Instant.EPOCH));
        assertEquals(3.0, m.ctr());
        assertEquals(6.67, m.conversionRate());
        assertEquals(1.5, m.cpc());
        assertEquals(22.5, m.cpa());
        assertEquals(75.0, m.completionRate());
        assertEquals(0.0, m.bounceRate());
    }

    @Test
    void rejectsNegativeCounters() {
        assertThrows(IllegalArgumentException.class, () -> new CampaignCounters(-1, 0, 0, 0, 0, 0, 0, new Money(0)));
    }
}
