package com.acme.analytics.domain.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void shouldSumExactlyWhereDoublesWouldDrift() {
        Money total = new Money(0);
        for (int i = 0; i < 10; i++) {
            total = total.plus(Money.of(new BigDecimal("0.1")));
        }
        assertEquals(1_000_000, total.micros());
        assertEquals(1.0, total.units());
    }

    @Test
    void shouldDivideAmongItemsInCents() {
        assertEquals(1.5, Money.of(new BigDecimal("67.50")).per(45));
        assertEquals(0.0, Money.of(new BigDecimal("67.50")).per(0));
    }

    @Test
    void rejectsMoreThanSixDecimals() {
        assertThrows(ArithmeticException.class, () -> Money.of(new BigDecimal("0.0000001")));
    }
}
