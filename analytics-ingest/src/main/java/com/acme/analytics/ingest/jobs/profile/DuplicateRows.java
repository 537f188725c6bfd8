package com.acme.analytics.ingest.jobs.profile;

/**
 * Duplicate rows, by 64-bit hashes of whole rows: the distinct rows counted ({@link Distinct}: exact up to a cap,
 * then estimated), the duplicates being the rows less the distinct ones. Exact means exact but for a hash
 * collision; estimated means the 95 % bounds say at least how many.
 */
final class DuplicateRows {

    private final Distinct distinct;
    private long rows;

    DuplicateRows(int exactCap) {
        distinct = new Distinct(exactCap);
    }

    void add(long rowHash) {
        rows++;
        distinct.add(rowHash);
    }

    boolean isExact() {
        return distinct.isExact();
    }

    /** Exact, or the estimate. */
    long duplicates() {
        return Math.max(0, rows - distinct.estimate());
    }

    /** Duplicates there certainly are (95 %): exact, or rows less the distinct count's upper bound. */
    long certainDuplicates() {
        return Math.max(0, rows - distinct.upperBound());
    }

    long rows() {
        return rows;
    }
}
