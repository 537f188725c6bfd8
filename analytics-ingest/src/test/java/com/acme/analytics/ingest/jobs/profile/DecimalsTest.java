package com.acme.analytics.ingest.jobs.profile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalsTest {

    private static void same(String s) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(Decimals.parse(s)),
                s);
    }

    @Test
    void shouldAnswerTheSameDoubleAsParseDoubleForEveryDecimalShape() {
        for (String s : List.of("0", "-0", "+0", "-0.0", "7", "-12.50", "+3.25", ".5", "5.", "-.5", "0.1", "0.3",
                "123456789012345", "1234567890123456", "12345678901234567890", "0.000000000000001",
                "0.0000000000000001", "9007199254740993", "1e5", "-2.5E-3", "1.7976931348623157e308", "4.9e-324")) {
            same(s);
        }
    }

    @Test
    void shouldAnswerTheSameDoubleAsParseDoubleForRandomDecimals() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 12));
            same(String.format(Locale.ROOT, "%." + r.nextInt(0, 12) + "f", x));
            same(Long.toString(r.nextLong() >> r.nextInt(0, 63)));
        }
    }
}
