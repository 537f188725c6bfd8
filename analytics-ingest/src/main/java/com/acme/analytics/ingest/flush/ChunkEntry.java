package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;

import java.sql.SQLException;

/** One event of a chunk the {@link CommitLoop} writes, and what became of it. */
final class ChunkEntry {
    final Submission submission;
    final int index;
    private boolean done;
    boolean isNew;
    SQLException refusal;

    ChunkEntry(Submission submission, int index) {
        this.submission = submission;
        this.index = index;
    }

    TrackedEvent event() {
        return submission.events().get(index);
    }

    byte[] row() {
        return submission.row(index);
    }

    boolean done() {
        return done;
    }

    void written(boolean isNew) {
        this.done = true;
        this.isNew = isNew;
    }

    void refused(SQLException cause) {
        this.done = true;
        this.refusal = cause;
    }
}
