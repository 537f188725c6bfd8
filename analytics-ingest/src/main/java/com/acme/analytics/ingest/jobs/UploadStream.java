package com.acme.analytics.ingest.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A job's stored upload as a stream, its chunks fetched from the database by a thread of its own, at most
 * {@value #AHEAD} chunks ahead of the reader: the fetching overlaps the analysis, which used to wait for a copy of
 * the whole upload to a temporary file. Memory: {@value #AHEAD} chunks waiting, one being read, one being fetched.
 * One reader; {@link #close()} (also before the end) stops the fetching thread.
 */
final class UploadStream extends InputStream {

    /** Reads one chunk of the upload; null past the last one. */
    interface Chunks {
        byte[] chunk(int seq) throws SQLException;
    }

    private static final int AHEAD = 2;
    private static final long OFFER_MS = 100;
    private static final byte[] END = new byte[0];

    /** byte[] chunks, {@link #END}, or the IOException that ended the fetching. */
    private final BlockingQueue<Object> fetched = new ArrayBlockingQueue<>(AHEAD);
    private final Thread fetcher;
    private volatile boolean closed;
    private byte[] current = END;
    private int at;
    private boolean ended;

    UploadStream(Chunks chunks, ThreadFactory threads) {
        fetcher = threads.newThread(() -> fetch(chunks));
        fetcher.setName("analytics-job-upload-reader");
        fetcher.start();
    }

    private void fetch(Chunks chunks) {
        try {
            for (int seq = 0; ; seq++) {
                byte[] data = chunks.chunk(seq);
                if (!hand(data == null ? END : data) || data == null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed: nobody reads on
        } catch (SQLException | RuntimeException e) {
            try {
                hand(new IOException("reading the upload from the database failed: " + e.getMessage(), e));
            } catch (InterruptedException closed) {
                // closed meanwhile
            }
        }
    }

    /** Queues a chunk for the reader; false once the stream is closed. */
    private boolean hand(Object item) throws InterruptedException {
        while (!closed) {
            if (fetched.offer(item, OFFER_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasBytes() throws IOException {
        if (at < current.length) {
            return true;
        }
        if (ended || closed) {
            return false;
        }
        Object next;
        try {
            next = fetched.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the upload");
        }
        if (next instanceof IOException e) {
            ended = true;
            throw e;
        }
        current = (byte[]) next;
        at = 0;
        ended = current == END;
        return !ended;
    }

    @Override
    public int read() throws IOException {
        return hasBytes() ? current[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!hasBytes()) {
            return -1;
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        fetcher.interrupt();
    }
}
