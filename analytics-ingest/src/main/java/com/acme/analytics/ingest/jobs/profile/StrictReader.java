package com.acme.analytics.ingest.jobs.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte stream refusing malformed input ({@link CodingErrorAction#REPORT}), and knows where it is: bytes
 * read (for progress), the line of the first undecodable byte (an {@code InputStreamReader} knows neither) and the
 * last character but blanks (a quote left open at the end of the file shows there).
 * Not thread-safe.
 */
final class StrictReader extends Reader {

    /** Thrown through FastCSV, which wraps it; carries the line of the bad bytes. */
    static final class UndecodableInput extends IOException {
        final long line;

        UndecodableInput(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private long bytesRead;
    private long line = 1;
    private char lastNonBlank;
    private boolean eof;
    private boolean flushed;

    StrictReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The last character decoded that is not white space, 0 before any. */
    char lastNonBlank() {
        return lastNonBlank;
    }

    /** Bytes taken from the stream so far (read ahead of the parser by at most 64 KiB). */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (out.position() == off && !flushed) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                countLines(buf, off, out.position());
                throw new UndecodableInput(line, "invalid " + decoder.charset().name() + " (" + result.length()
                        + " undecodable byte" + (result.length() == 1 ? "" : "s") + ")");
            }
            if (result.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(out);
                flushed = true;
            } else {
                fill();
            }
        }
        int produced = out.position() - off;
        countLines(buf, off, out.position());
        return produced == 0 && flushed ? -1 : produced;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    private void countLines(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                line++;
            }
        }
        for (int i = to - 1; i >= from; i--) {
            if (!Character.isWhitespace(buf[i])) {
                lastNonBlank = buf[i];
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
