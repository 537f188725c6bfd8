package com.acme.analytics.domain.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in millionths of the currency unit. Event values (costs) are summed exactly as integers;
 * conversion to a decimal happens only at the edge.
 */
public record Money(long micros) {

    private static final BigDecimal MICROS_PER_UNIT = BigDecimal.valueOf(1_000_000);

    /**
     * @throws ArithmeticException when the amount has more than six decimals or does not fit
     */
    public static Money of(BigDecimal amount) {
        return new Money(amount.multiply(MICROS_PER_UNIT).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(micros, other.micros));
    }

    /** The amount in currency units, rounded to cents for display. */
    public double units() {
        return BigDecimal.valueOf(micros).divide(MICROS_PER_UNIT, 2, RoundingMode.HALF_UP).doubleValue();
    }

    /** This amount divided among {@code count} items, in currency units rounded to cents; 0 when count is 0. */
    public double per(long count) {
        if (count == 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(micros)
                .divide(MICROS_PER_UNIT.multiply(BigDecimal.valueOf(count)), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
