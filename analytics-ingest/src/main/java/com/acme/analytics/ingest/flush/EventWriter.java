package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.deadletters.DeadLetter;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Where the {@link CommitLoop} writes: one transaction per call. {@link EventStore} in production. */
public interface EventWriter {

    /**
     * @param rows the events' staging rows ({@link StagingRows#encode}), in the same order
     * @return the events that were new, in the order given (identical instances); an id stored before is skipped
     */
    List<TrackedEvent> write(List<TrackedEvent> events, List<byte[]> rows) throws SQLException;

    /** Keeps refused acknowledged events aside. */
    void deadLetter(List<DeadLetter> letters) throws SQLException;

    /**
     * Which of these events the database refuses for what they hold, found without writing anything: by index in
     * {@code events}, with the refusal. It may not find every cause (empty: it cannot tell); the loop then splits
     * the chunk.
     */
    Map<Integer, SQLException> refusals(List<TrackedEvent> events) throws SQLException;

    /** Reaches the database without writing; throws as a write would while it is unavailable. */
    void probe() throws SQLException;
}
