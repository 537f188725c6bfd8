package com.acme.analytics.ingest.sync.connectors;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryBudgetTest {

    private final Instant t0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void neverAllowsMoreThanTheLimitWithinTheWindow() {
        QueryBudget budget = new QueryBudget(60, Duration.ofHours(1));
        for (int i = 0; i < 60; i++) {
            assertTrue(budget.take("p", 1, t0.plusSeconds(i)).isEmpty(), "query " + i);
        }
        Optional<Duration> wait = budget.take("p", 1, t0.plusSeconds(60));
        assertEquals(Optional.of(Duration.ofSeconds(3540)), wait, "the first query leaves the window at 1 h");
        assertTrue(budget.take("p", 1, t0.plusSeconds(3600)).isEmpty(), "room once the first query is an hour old");
        assertTrue(budget.take("other", 1, t0).isEmpty(), "each credential has its own window");
    }

    @Test
    void takesSeveralQueriesAllOrNothing() {
        QueryBudget budget = new QueryBudget(3, Duration.ofMinutes(1));
        assertTrue(budget.take("p", 2, t0).isEmpty());
        assertTrue(budget.take("p", 2, t0.plusSeconds(1)).isPresent());
        assertEquals(1, budget.remaining("p", t0.plusSeconds(1)), "a refused take takes nothing");
    }

    @Test
    void countsTheBudgetSpentUntilARetryAfterPasses() {
        QueryBudget budget = new QueryBudget(60, Duration.ofHours(1));
        budget.exhaust("p", t0, Duration.ofSeconds(30));
        assertEquals(Optional.of(Duration.ofSeconds(30)), budget.take("p", 1, t0));
        assertTrue(budget.take("p", 1, t0.plusSeconds(30)).isEmpty());
    }
}
