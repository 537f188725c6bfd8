package com.acme.analytics.ingest.jobs.profile;

/**
 * A value as the frequent-items sketch keys it: with the 64-bit hash the pass computed for it anyway. Every cell
 * is a new String whose {@code hashCode} would be computed again by the sketch, which was the top values' main
 * cost (bench/jobs, JFR); equal hashes are confirmed by the strings.
 */
record TopKey(String value, long hash) {

    static TopKey of(String value) {
        return new TopKey(value, Hashing.of(value));
    }

    @Override
    public int hashCode() {
        return (int) (hash ^ (hash >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopKey k && k.hash == hash && k.value.equals(value);
    }
}
