package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class StagingRowsTest {

    @Test
    void shouldCountMicrosecondsFromPostgresEpochRoundedToTheNearest() {
        assertEquals(0, StagingRows.postgresMicros(Instant.parse("2000-01-01T00:00:00Z")));
        assertEquals(-946_684_800_000_000L, StagingRows.postgresMicros(Instant.EPOCH));
        assertEquals(1_500_001, StagingRows.postgresMicros(Instant.parse("2000-01-01T00:00:01.500000600Z")));
        assertEquals(1_500_000, StagingRows.postgresMicros(Instant.parse("2000-01-01T00:00:01.500000400Z")));
        assertEquals(-1, StagingRows.postgresMicros(Instant.parse("1999-12-31T23:59:59.999999Z")));
    }

    @Test
    void shouldSendAnInstantBeyondTheRangeAsAValuePostgresRefusesNotAsInfinity() {
        long beyond = StagingRows.postgresMicros(Instant.MAX);
        assertEquals(beyond, StagingRows.postgresMicros(Instant.MIN));
        assertFalse(beyond == Long.MAX_VALUE || beyond == Long.MIN_VALUE, "the infinities are valid timestamps");
    }

    @Test
    void shouldWriteTheColumnsInTableOrderWithNullsAsMinusOne() {
        TrackedEvent event = new TrackedEvent("é1", "ws", "click", null, Instant.parse("2000-01-01T00:00:02Z"),
                new Money(250_000), "s-1", null, "{\"a\":1}");
        ByteBuffer row = ByteBuffer.wrap(StagingRows.encode(event));
        assertEquals("ws", text(row));
        assertEquals("é1", text(row));
        assertEquals("click", text(row));
        assertNull(text(row));
        assertEquals(8, row.getInt());
        assertEquals(2_000_000, row.getLong());
        assertEquals(8, row.getInt());
        assertEquals(250_000, row.getLong());
        assertEquals("s-1", text(row));
        assertNull(text(row));
        assertEquals("{\"a\":1}", text(row));
        assertFalse(row.hasRemaining());
    }

    @Test
    void shouldFrameAChunkWithHeaderNumberedRowsAndTrailer() {
        byte[] a = {1, 2};
        byte[] b = {3};
        ByteBuffer data = ByteBuffer.wrap(StagingRows.chunk(List.of(a, b)));
        byte[] signature = new byte[11];
        data.get(signature);
        assertArrayEquals("PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1), signature);
        assertEquals(0, data.getInt(), "flags");
        assertEquals(0, data.getInt(), "header extension");
        List<Integer> places = new ArrayList<>();
        for (byte[] row : List.of(a, b)) {
            assertEquals(10, data.getShort(), "fields");
            assertEquals(4, data.getInt());
            places.add(data.getInt());
            byte[] copied = new byte[row.length];
            data.get(copied);
            assertArrayEquals(row, copied);
        }
        assertEquals(List.of(0, 1), places);
        assertEquals(-1, data.getShort(), "trailer");
        assertFalse(data.hasRemaining());
    }

    private static String text(ByteBuffer row) {
        int length = row.getInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        row.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
