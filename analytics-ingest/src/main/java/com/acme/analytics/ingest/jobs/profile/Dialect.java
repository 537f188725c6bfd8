package com.acme.analytics.ingest.jobs.profile;

import java.nio.charset.Charset;

/**
 * How a file is written, as sniffed from its first bytes.
 *
 * @param charset   UTF-8 unless a UTF-16 byte order mark says otherwise
 * @param bomBytes  the length of the byte order mark to skip (0 when none)
 * @param delimiter the field separator
 */
record Dialect(Charset charset, int bomBytes, char delimiter) {

    String delimiterName() {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }
}
