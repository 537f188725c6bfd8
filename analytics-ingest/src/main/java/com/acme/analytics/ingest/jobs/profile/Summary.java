package com.acme.analytics.ingest.jobs.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary: sentences for people, the file at a glance first, then the alerts by importance. */
final class Summary {

    private static final int MAX_SENTENCES = 10;

    private Summary() {
    }

    static List<String> of(long rows, int columns, long bytes, Dialect dialect, long raggedRows,
                           List<ColumnProfile> profiles, List<Alert> alerts) {
        List<String> sentences = new ArrayList<>();
        sentences.add(String.format(Locale.ROOT, "%,d rows and %d columns (%s, %s-separated, %s).", rows, columns,
                size(bytes), dialect.delimiterName(), dialect.charset().name()));
        if (raggedRows > 0) {
            sentences.add(raggedRows + " rows have another number of fields than the header; missing fields were"
                    + " counted as missing values and extra ones ignored.");
        }
        for (Alert a : alerts) {
            if (sentences.size() == MAX_SENTENCES - 1) {
                break;
            }
            sentences.add(a.message());
        }
        sentences.add(types(profiles));
        return sentences;
    }

    private static String types(List<ColumnProfile> profiles) {
        long numeric = profiles.stream().filter(ColumnProfile::isNumeric).count();
        return numeric + " of " + profiles.size() + " columns are numeric.";
    }

    private static String size(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
        return bytes >= 1 << 10 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0) : bytes + " bytes";
    }
}
