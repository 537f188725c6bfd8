package com.acme.analytics.domain.campaigns;

import com.acme.analytics.domain.metrics.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignCountersTest {

    @Test
    void shouldDeriveTheDocumentedCampaignRates() {
        CampaignCounters c = new CampaignCounters(1500, 45, 3, 0, 0, 0, 0, Money.of(new BigDecimal("67.50")));
        assertEquals(3.0, c.ctr());
        assertEquals(6.67, c.conversionRate());
        assertEquals(1.5, c.cpc());
        assertEquals(22.5, c.cpa());
    }

    @Test
    void shouldDerivePlaybackRatesFromViews() {
        CampaignCounters c = new CampaignCounters(10, 0, 0, 4, 5, 3, 1, new Money(0));
        assertEquals(50.0, c.engagementRate());
        assertEquals(75.0, c.completionRate());
        assertEquals(25.0, c.skipRate());
    }

    @Test
    void shouldGiveZeroRatesWithoutADenominator() {
        CampaignCounters c = new CampaignCounters(0, 0, 0, 0, 0, 0, 0, new Money(0));
        assertEquals(0.0, c.ctr());
        assertEquals(0.0, c.cpc());
        assertEquals(0.0, c.cpa());
    }

    @Test
    void rejectsNegativeCounters() {
        assertThrows(IllegalArgumentException.class, () -> new CampaignCounters(-1, 0, 0, 0, 0, 0, 0, new Money(0)));
    }
}
