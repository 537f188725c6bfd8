package com.acme.analytics.realtime.live;

import com.acme.analytics.domain.metrics.MetricView;
import com.acme.analytics.domain.metrics.MetricWindow;
import com.acme.analytics.metrics.MetricEngine;
import com.acme.analytics.realtime.hub.MetricCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CategoryMetricsTest {

    /** Answers every view with the same base figures: 3 leads of 6 clicks, 4.50 spent (in millionths). */
    private static final class FixedEngine extends MetricEngine {
        @Override
        public List<Row> evaluate(MetricView view, Scope scope, MetricWindow window, Instant now) {
            Map<String, Number> base = new HashMap<>();
            view.baseEntries().forEach(e -> base.put(e.name(), 0L));
            base.putAll(Map.of("leads", 3L, "uniqueLeads", 2L, "conversions", 3L, "clicks", 6L, "spent", 4_500_000L));
            String key = scope.groupBy() == GroupBy.NONE ? null : "camp_1";
            return List.of(new Row(key, view.derive(base, window, now)));
        }
    }

    @Test
    void shouldGiveTheSpentOfLeadsInCurrencyUnitsLikeItsCostPerLead() throws Exception {
        CategoryMetrics metrics = new CategoryMetrics();
        metrics.engine = new FixedEngine();

        CategoryFigures leads = metrics.figures("ws_1", Set.of(MetricCategory.LEADS),
                MetricWindow.lastSeconds(3600)).get(MetricCategory.LEADS);

        assertEquals(4.5, leads.totals().get("spent").doubleValue());
        assertEquals(1.5, leads.totals().get("costPerLead").doubleValue());
        assertEquals(3L, leads.totals().get("leads"));
        assertEquals(4.5, leads.byCampaign().get("camp_1").get("spent").doubleValue());
        assertEquals(1.5, leads.byCampaign().get("camp_1").get("costPerLead").doubleValue());
    }
}
