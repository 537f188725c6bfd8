package com.acme.analytics.ingest.jobs.profile;

import de.siegmar.fastcsv.reader.FieldModifier;

/**
 * Sees every field as FastCSV makes it: refuses one longer than the cap (FastCSV's own limit is 16 Mi characters,
 * too much to hold per field here), and remembers where the current record is and how many lines its quoted fields
 * span, so that errors raised mid-record can name a line, and whether the last field was quoted.
 */
final class FieldGuard implements FieldModifier {

    /** A field past the cap. */
    static final class FieldTooLong extends RuntimeException {
        final long line;

        FieldTooLong(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final int maxChars;
    private long recordLine;
    private long linesInQuotes;
    private boolean lastQuoted;

    FieldGuard(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public String modify(long startingLineNumber, int fieldIdx, boolean quoted, String field) {
        if (startingLineNumber != recordLine) {
            recordLine = startingLineNumber;
            linesInQuotes = 0;
        }
        if (field.length() > maxChars) {
            throw new FieldTooLong(startingLineNumber, "field " + (fieldIdx + 1) + " is longer than " + maxChars
                    + " characters" + (quoted ? " (a quote that does not close?)" : ""));
        }
        lastQuoted = quoted;
        if (quoted) {
            for (int i = 0; i < field.length(); i++) {
                if (field.charAt(i) == '\n') {
                    linesInQuotes++;
                }
            }
        }
        return field;
    }

    /** Where the record being read when parsing failed starts: the one after {@code lastRecord} if none began. */
    long lineAfter(long lastRecord) {
        return recordLine > lastRecord ? recordLine : recordLine + 1 + linesInQuotes;
    }

    /**
     * Whether the last field read was quoted: FastCSV ends a quote left open at the end of the file without a word,
     * the field then running to the end, so a file whose last field was quoted must end with the quote.
     */
    boolean lastFieldQuoted() {
        return lastQuoted;
    }
}
