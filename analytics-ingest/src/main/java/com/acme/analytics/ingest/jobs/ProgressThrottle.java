package com.acme.analytics.ingest.jobs;

import java.util.concurrent.TimeUnit;

/**
 * When a job tells its followers where it is: at each whole percent or stage change, and every 500 ms at least,
 * but never more than 30 times a second. Not thread-safe: its {@link JobRun} guards it.
 */
final class ProgressThrottle {

    static final long MIN_GAP_NANOS = TimeUnit.SECONDS.toNanos(1) / 30;
    static final long MAX_SILENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private String lastStage;
    private int lastPercent = -1;
    private long lastNanos;
    private boolean sentOnce;

    /** Whether this state goes out now; if it does, it counts as sent. */
    boolean offer(String stage, int percent, long nowNanos) {
        long gap = nowNanos - lastNanos;
        boolean news = !sentOnce || percent > lastPercent || !stage.equals(lastStage);
        boolean due = sentOnce && gap >= MAX_SILENCE_NANOS;
        if (!(news || due) || (sentOnce && gap < MIN_GAP_NANOS)) {
            return false;
        }
        sentOnce = true;
        lastStage = stage;
        lastPercent = percent;
        lastNanos = nowNanos;
        return true;
    }

    /** Whether followers heard nothing for 500 ms. */
    boolean silent(long nowNanos) {
        return sentOnce && nowNanos - lastNanos >= MAX_SILENCE_NANOS;
    }
}
