package com.acme.analytics.ingest.jobs.profile;

import com.acme.analytics.ingest.jobs.MalformedCsvException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sniffs encoding, byte order mark and delimiter from the first 64 KiB of a file, given its stream from the start. */
final class Sniffer {

    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_LINES = 20;
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private Sniffer() {
    }

    static Dialect sniff(InputStream in) throws IOException, MalformedCsvException {
        byte[] head = in.readNBytes(SAMPLE_BYTES);
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            bom = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        // Lenient here: a character cut by the sample's end is not an error; the full pass decodes strictly.
        String text = new String(head, bom, head.length - bom, charset);
        if (text.isBlank()) {
            throw new MalformedCsvException(0, "the file is empty");
        }
        return new Dialect(charset, bom, delimiter(lines(text, head.length == SAMPLE_BYTES)));
    }

    private static List<String> lines(String text, boolean truncated) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        if (truncated && lines.size() > 1) {
            lines.remove(lines.size() - 1); // cut by the sample's end
        }
        return lines.subList(0, Math.min(SAMPLE_LINES, lines.size()));
    }

    /** The candidate found on the first line that splits the most lines into as many fields as the first. */
    static char delimiter(List<String> lines) {
        char best = ',';
        int bestAgreeing = 0;
        int bestCount = 0;
        for (char c : CANDIDATES) {
            int first = count(lines.get(0), c);
            if (first == 0) {
                continue;
            }
            int agreeing = 0;
            for (String line : lines) {
                if (count(line, c) == first) {
                    agreeing++;
                }
            }
            if (agreeing > bestAgreeing || (agreeing == bestAgreeing && first > bestCount)) {
                best = c;
                bestAgreeing = agreeing;
                bestCount = first;
            }
        }
        return best;
    }

    /** Occurrences outside double quotes; a quoted field spanning lines only blurs the sample, it decides nothing. */
    private static int count(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }
}
