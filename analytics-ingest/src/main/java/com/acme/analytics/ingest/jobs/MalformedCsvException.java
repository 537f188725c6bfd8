package com.acme.analytics.ingest.jobs;

/**
 * A file the analysis cannot read, with where and what: {@code job_error}'s message is
 * "Processing failed: " followed by {@link #getMessage()} (for example "line 12: unbalanced quotes").
 */
public class MalformedCsvException extends Exception {

    private final long line;

    /** @param line the 1-based line number where the problem was seen, or 0 when it concerns the whole file */
    public MalformedCsvException(long line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
