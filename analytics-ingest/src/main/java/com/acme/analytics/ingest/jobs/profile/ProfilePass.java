package com.acme.analytics.ingest.jobs.profile;

import com.acme.analytics.ingest.jobs.CsvAnalysis;
import com.acme.analytics.ingest.jobs.MalformedCsvException;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One analysis: the file read once, row by row, each value handed to its column, the row to the correlations and
 * the duplicate count. Progress by bytes read: parsing 0-2, profiling 2-95, correlating 95-99. Not thread-safe.
 */
final class ProfilePass {

    private static final int PROGRESS_EVERY_ROWS = 1024;
    private static final Pattern RECORD_LINE = Pattern.compile("started in line (\\d+)");

    private final CsvAnalysis.Upload upload;
    private final CsvAnalysis.Progress progress;
    private final ProfileLimits limits;
    private final FieldGuard guard;
    private Header header;
    private List<ColumnProfile> columns;
    private DuplicateRows duplicates;
    private CorrelationSample correlations;
    private long rows;
    private long raggedRows;
    private long lastLine;

    ProfilePass(CsvAnalysis.Upload upload, CsvAnalysis.Progress progress, ProfileLimits limits) {
        this.upload = upload;
        this.progress = progress;
        this.limits = limits;
        this.guard = new FieldGuard(limits.maxFieldChars());
    }

    Insights run() throws IOException, MalformedCsvException {
        progress.at("parsing", 0, "Sniffing encoding, delimiter and header.");
        Dialect dialect;
        try (InputStream head = upload.open()) {
            dialect = Sniffer.sniff(head);
        }
        long size = upload.size();
        char last;
        try (InputStream in = upload.open(); StrictReader reader = strict(in, dialect);
             CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(dialect.delimiter()).quoteCharacter('"')
                .skipEmptyLines(true).ignoreDifferentFieldCount(true).acceptCharsAfterQuotes(false)
                .build(new CsvRecordHandler(guard), reader)) {
            var records = csv.iterator();
            while (next(records)) {
                CsvRecord record = records.next();
                lastLine = record.getStartingLineNumber();
                if (header == null) {
                    start(Header.of(record), dialect);
                } else {
                    row(record);
                    if (rows % PROGRESS_EVERY_ROWS == 0) {
                        progress.at("profiling", 2 + (int) (93 * Math.min(1.0, (double) reader.bytesRead() / size)),
                                String.format(java.util.Locale.ROOT, "Profiled %,d rows.", rows));
                    }
                }
            }
            last = reader.lastNonBlank();
        }
        if (header == null) {
            throw new MalformedCsvException(0, "no header: the file has no rows");
        }
        if (guard.lastFieldQuoted() && last != '"') {
            throw new MalformedCsvException(lastLine, "unbalanced quotes: a quoted field opened here does not close"
                    + " before the end of the file");
        }
        progress.at("correlating", 95, "Correlating " + correlations.columnsPaired() + " numeric columns.");
        return new Insights(header, dialect, size, rows, raggedRows, columns, correlations.result(),
                correlations.columnsPaired(), correlations.numericColumns(), duplicates);
    }

    private static StrictReader strict(InputStream in, Dialect dialect) throws IOException {
        in.skipNBytes(dialect.bomBytes());
        return new StrictReader(in, dialect.charset());
    }

    private boolean next(java.util.Iterator<CsvRecord> records) throws MalformedCsvException {
        if (progress.cancelled()) {
            throw new CancellationException();
        }
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw malformed(e.getCause());
        } catch (CsvParseException | FieldGuard.FieldTooLong e) {
            throw malformed(e);
        }
    }

    private void start(Header h, Dialect dialect) {
        header = h;
        columns = new ArrayList<>();
        for (String name : h.names()) {
            columns.add(new ColumnProfile(name, limits));
        }
        duplicates = new DuplicateRows(limits.duplicateRowsExactCap());
        correlations = new CorrelationSample(columns, limits);
        progress.at("profiling", 2, h.names().size() + " columns, " + dialect.delimiterName() + "-separated, "
                + dialect.charset().name() + (dialect.bomBytes() > 0 ? " with a byte order mark" : "") + ".");
    }

    private void row(CsvRecord record) throws MalformedCsvException {
        int n = columns.size();
        int fields = record.getFieldCount();
        if (fields != n && ++raggedRows > limits.maxRaggedRows()) {
            throw new MalformedCsvException(lastLine, "ragged rows: " + raggedRows + " rows have another number"
                    + " of fields than the header's " + n + " (this one has " + fields + "); at most "
                    + limits.maxRaggedRows() + " are tolerated");
        }
        double[] numbers = correlations.row();
        long rowHash = 0;
        for (int i = 0; i < n; i++) {
            String value = i < fields ? record.getField(i) : null;
            long hash = value == null ? 0 : Hashing.of(value);
            rowHash = Hashing.combine(rowHash, hash);
            numbers[i] = columns.get(i).accept(value, hash, lastLine);
        }
        duplicates.add(rowHash);
        correlations.accept(numbers);
        rows++;
    }

    private MalformedCsvException malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictReader.UndecodableInput u) {
                return new MalformedCsvException(u.line, u.getMessage());
            }
            if (t instanceof FieldGuard.FieldTooLong f) {
                return new MalformedCsvException(f.line, f.getMessage());
            }
        }
        // FastCSV names the record's line in its outer message and what was wrong in its cause.
        Matcher at = RECORD_LINE.matcher(String.valueOf(e.getMessage()));
        long line = at.find() ? Long.parseLong(at.group(1)) : guard.lineAfter(lastLine);
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        if (message.contains("quote") || message.contains("buffer size")) {
            return new MalformedCsvException(line, "unbalanced quotes: " + message);
        }
        return new MalformedCsvException(line, "unreadable CSV: " + message);
    }
}
