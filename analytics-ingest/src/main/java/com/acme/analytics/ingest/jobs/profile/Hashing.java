package com.acme.analytics.ingest.jobs.profile;

/**
 * 64-bit FNV-1a over a string's characters, then a finaliser (from SplitMix64) so that the sketches see well-mixed
 * bits. Computed once per field and shared by the distinct count and the row hash, without allocating.
 */
final class Hashing {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Hashing() {
    }

    static long of(String s) {
        long h = OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return mix(h);
    }

    /** Folds a field's hash into its row's, in column order. */
    static long combine(long row, long field) {
        return mix(row * 31 + field);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
