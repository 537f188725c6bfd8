package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Events as rows of PostgreSQL's binary {@code COPY} format, for the staging table that {@link EventStore} copies
 * each chunk into. A row is encoded once, on the thread that submits its event ({@link Submission}), so that the
 * committer, one thread that every batch waits for, only concatenates bytes: building the statement's arrays,
 * the text of every timestamp included, was three quarters of the committer's own work (JFR, bench/README.md).
 *
 * <p>The staging columns, in order: {@code n} (int4, the event's place in its chunk, written by {@link #chunk}),
 * then workspace, event id, type, campaign (text), occurred at (timestamptz), value in micros (int8), session,
 * user and metadata (text: the statement casts it to jsonb, so that what jsonb refuses fails as before).
 * Thread-safe (stateless).
 */
final class StagingRows {

    /** The staging table's definition, made once per connection; emptied at every commit. */
    static final String CREATE_TABLE = "create temporary table if not exists ingest_staging (n int4, w text, e text,"
            + " t text, c text, o timestamptz, v int8, s text, u text, m text) on commit delete rows";
    static final String COPY = "copy ingest_staging (n, w, e, t, c, o, v, s, u, m) from stdin with (format binary)";

    /** Signature, flags (none) and header extension length (none). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final short FIELDS = 10;
    private static final short END = -1;
    private static final int NULL = -1;
    /** From the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z), in microseconds. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    /** Beyond what a timestamp holds, and not the infinities (Long.MIN_VALUE and MAX_VALUE): PostgreSQL refuses it. */
    private static final long OUT_OF_RANGE = Long.MAX_VALUE - 1;
    /** Within what the microsecond arithmetic below holds without overflow; some 290,000 years from 1970. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000 - 1_000_000_000L;

    private StagingRows() {
    }

    /** The event's columns after {@code n}, each preceded by its length. */
    static byte[] encode(TrackedEvent event) {
        byte[][] before = {utf8(event.workspaceId()), utf8(event.eventId()), utf8(event.eventType()),
                utf8(event.campaignId())};
        byte[][] after = {utf8(event.sessionId()), utf8(event.userId()), utf8(event.metadataJson())};
        int size = 2 * (4 + 8);
        for (byte[] b : before) {
            size += 4 + (b == null ? 0 : b.length);
        }
        for (byte[] b : after) {
            size += 4 + (b == null ? 0 : b.length);
        }
        ByteBuffer row = ByteBuffer.allocate(size);
        for (byte[] b : before) {
            put(row, b);
        }
        row.putInt(8).putLong(postgresMicros(event.occurredAt()));
        row.putInt(8).putLong(event.value().micros());
        for (byte[] b : after) {
            put(row, b);
        }
        return row.array();
    }

    /** The COPY data of a chunk: each row numbered by its place. */
    static byte[] chunk(List<byte[]> rows) {
        int size = HEADER.length + 2;
        for (byte[] row : rows) {
            size += 2 + 4 + 4 + row.length;
        }
        ByteBuffer data = ByteBuffer.allocate(size).put(HEADER);
        for (int n = 0; n < rows.size(); n++) {
            data.putShort(FIELDS).putInt(4).putInt(n).put(rows.get(n));
        }
        return data.putShort(END).array();
    }

    /**
     * Rounded to the microsecond, as PostgreSQL rounds the text of a timestamp (to the nearest; only a timestamp
     * with nanoseconds can fall on a tie). An instant beyond the type's range is sent so that PostgreSQL refuses
     * it for its data (SQLState 22008), as it refused the text.
     */
    static long postgresMicros(Instant at) {
        long seconds = at.getEpochSecond();
        if (Math.abs(seconds) > MAX_SECONDS) {
            return OUT_OF_RANGE;
        }
        return seconds * 1_000_000 + (at.getNano() + 500) / 1000 - POSTGRES_EPOCH_MICROS;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ByteBuffer row, byte[] b) {
        if (b == null) {
            row.putInt(NULL);
        } else {
            row.putInt(b.length).put(b);
        }
    }
}
