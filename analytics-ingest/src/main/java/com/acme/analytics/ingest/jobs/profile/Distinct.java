package com.acme.analytics.ingest.jobs.profile;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * Distinct count of 64-bit hashes: exact in an open-addressing set of primitive longs up to {@code cap} distinct
 * hashes (wrong only on a hash collision, odds about 1 in 10^10 at 2^18 values), then a DataSketches HyperLogLog
 * sketch of 2^lgK one-byte registers, lgK the cap's log2 rounded up (16 KiB at 16,384: relative standard error
 * about 1.04/sqrt(2^lgK), 0.8 %), with 95 % (two sigma) bounds. Chosen over a Theta sketch of the same nominal
 * entries, the version before: about a tenth less CPU in bench/jobs' pass, and on its 200 MB file the true count of a
 * unique column fell outside the Theta sketch's 95 % bounds and inside HyperLogLog's (bench/README.md).
 */
final class Distinct {

    private static final int TWO_SIGMA = 2;
    private static final int MIN_LG_K = 4;
    private static final int MAX_LG_K = 21;

    private final int cap;
    private final int lgK;
    /** The exact set while counting exactly, 0 marking a free slot; null after the sketch took over. */
    private long[] slots = new long[16];
    private int size;
    /** The hash 0, which cannot sit in a slot, seen. */
    private boolean zero;
    private HllSketch sketch;

    Distinct(int cap) {
        this.cap = cap;
        int lg = 64 - Long.numberOfLeadingZeros(Math.max(1, cap - 1));
        this.lgK = Math.max(MIN_LG_K, Math.min(MAX_LG_K, lg));
    }

    void add(long hash) {
        if (sketch != null) {
            sketch.update(hash);
        } else if (hash == 0) {
            if (!zero) {
                zero = true;
                added();
            }
        } else if (insert(slots, hash)) {
            added();
        }
    }

    /** Puts {@code hash} (not 0) into the table; false when it was there. The hashes' low bits are well mixed. */
    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
            long s = table[i];
            if (s == hash) {
                return false;
            }
            if (s == 0) {
                table[i] = hash;
                return true;
            }
        }
    }

    private void added() {
        size++;
        if (size > cap) {
            estimateFromNowOn();
        } else if (size * 2 > slots.length) {
            long[] larger = new long[slots.length * 2];
            for (long s : slots) {
                if (s != 0) {
                    insert(larger, s);
                }
            }
            slots = larger;
        }
    }

    private void estimateFromNowOn() {
        sketch = new HllSketch(lgK, TgtHllType.HLL_8);
        if (zero) {
            sketch.update(0L);
        }
        for (long s : slots) {
            if (s != 0) {
                sketch.update(s);
            }
        }
        slots = null;
    }

    boolean isExact() {
        return sketch == null;
    }

    long estimate() {
        return sketch == null ? size : Math.round(sketch.getEstimate());
    }

    long lowerBound() {
        return sketch == null ? size : (long) Math.floor(sketch.getLowerBound(TWO_SIGMA));
    }

    long upperBound() {
        return sketch == null ? size : (long) Math.ceil(sketch.getUpperBound(TWO_SIGMA));
    }
}
