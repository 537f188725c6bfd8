package com.acme.analytics.ingest.jobs.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Whether a file's last character, line breaks and blanks aside, is a double quote. */
final class QuoteAtEnd {

    private static final int TAIL_BYTES = 64;

    private QuoteAtEnd() {
    }

    static boolean endsQuoted(Path file, Charset charset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            // An even offset keeps UTF-16 aligned; a UTF-8 character cut at the start does not reach the end.
            long from = Math.max(0, size - TAIL_BYTES) & ~1L;
            ByteBuffer tail = ByteBuffer.allocate((int) (size - from));
            int n;
            do {
                n = channel.read(tail, from + tail.position());
            } while (n > 0 && tail.hasRemaining());
            String text = new String(tail.array(), 0, tail.position(), charset).stripTrailing();
            return text.endsWith("\"");
        }
    }
}
