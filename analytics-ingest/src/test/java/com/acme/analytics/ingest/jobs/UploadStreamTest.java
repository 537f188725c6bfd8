package com.acme.analytics.ingest.jobs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadStreamTest {

    private static byte[][] chunks(int count, int size) {
        byte[][] all = new byte[count][size];
        for (int c = 0; c < count; c++) {
            for (int i = 0; i < size; i++) {
                all[c][i] = (byte) (c * 31 + i);
            }
        }
        return all;
    }

    @Test
    void shouldReadEveryChunkInOrder() throws IOException {
        byte[][] all = chunks(7, 1000);
        byte[] expected = new byte[7000];
        for (int c = 0; c < 7; c++) {
            System.arraycopy(all[c], 0, expected, c * 1000, 1000);
        }
        try (UploadStream in = new UploadStream(seq -> seq < all.length ? all[seq] : null, Thread::new)) {
            assertEquals(expected[0] & 0xff, in.read());
            byte[] rest = in.readAllBytes();
            assertEquals(6999, rest.length);
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, 1, 7000), rest);
            assertEquals(-1, in.read());
        }
    }

    @Test
    void shouldReportTheDatabaseFailureToTheReader() {
        try (UploadStream in = new UploadStream(seq -> {
            if (seq == 2) {
                throw new SQLException("connection lost");
            }
            return new byte[10];
        }, Thread::new)) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("connection lost"), e.getMessage());
        }
    }

    @Test
    void shouldStopFetchingWhenClosedBeforeTheEnd() throws Exception {
        AtomicReference<Thread> fetcher = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        UploadStream in = new UploadStream(seq -> new byte[100], r -> {
            Thread t = new Thread(r);
            fetcher.set(t);
            started.countDown();
            return t;
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertEquals(100, in.read(new byte[100], 0, 100));
        in.close();
        fetcher.get().join(TimeUnit.SECONDS.toMillis(5));
        assertTrue(!fetcher.get().isAlive(), "the fetching thread ends once the stream is closed");
        assertEquals(-1, in.read());
    }
}
