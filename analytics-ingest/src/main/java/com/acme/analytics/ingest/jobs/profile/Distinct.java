package com.acme.analytics.ingest.jobs.profile;

import org.apache.datasketches.hll.HllSketch;

import java.util.HashSet;
import java.util.Set;

/**
 * Distinct count of 64-bit hashes: exact up to a cap (a collision among a few million 64-bit hashes is
 * vanishingly unlikely), then a HyperLogLog estimate (lgK 12: about 1.6 % standard error) with 95 % bounds.
 */
final class Distinct {

    private static final int LG_K = 12;
    private static final int TWO_SIGMA = 2;

    private final int cap;
    private Set<Long> exact = new HashSet<>();
    private HllSketch sketch;

    Distinct(int cap) {
        this.cap = cap;
    }

    void add(long hash) {
        if (exact != null) {
            exact.add(hash);
            if (exact.size() > cap) {
                sketch = new HllSketch(LG_K);
                exact.forEach(sketch::update);
                exact = null;
            }
        } else {
            sketch.update(hash);
        }
    }

    boolean isExact() {
        return exact != null;
    }

    long estimate() {
        return exact != null ? exact.size() : Math.round(sketch.getEstimate());
    }

    long lowerBound() {
        return exact != null ? exact.size() : (long) Math.floor(sketch.getLowerBound(TWO_SIGMA));
    }

    long upperBound() {
        return exact != null ? exact.size() : (long) Math.ceil(sketch.getUpperBound(TWO_SIGMA));
    }
}
