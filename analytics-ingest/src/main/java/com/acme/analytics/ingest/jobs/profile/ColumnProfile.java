package com.acme.analytics.ingest.jobs.profile;

import jakarta.json.JsonObjectBuilder;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;

/**
 * One column's accumulators, fed one value per row. Memory is bounded per column: the distinct count's exact set
 * (up to its cap), a KLL sketch and a frequent-items sketch of at most {@value #TOP_MAP} values, each cut to
 * {@value #TOP_VALUE_CHARS} characters. Not thread-safe.
 */
final class ColumnProfile {

    /** Values that mean "missing", as pandas reads them by default (a subset), besides blank. */
    private static final Set<String> NULL_TOKENS = Set.of("NA", "N/A", "n/a", "null", "NULL", "None", "NaN", "nan");
    private static final int TOP_MAP = 256;
    private static final int TOP_VALUES = 10;
    private static final int TOP_VALUE_CHARS = 200;

    private final String name;
    private final int categoricalMax;
    private final TypeTracker types;
    private final Distinct distinct;
    private final ItemsSketch<TopKey> top = new ItemsSketch<>(TOP_MAP);
    private NumericSummary numeric = new NumericSummary();
    private long count;
    private long nulls;
    private int minLength = Integer.MAX_VALUE;
    private int maxLength;
    private String minTemporal;
    private String maxTemporal;

    ColumnProfile(String name, ProfileLimits limits) {
        this.name = name;
        this.categoricalMax = limits.categoricalMax();
        this.types = new TypeTracker(limits.typeSampleRows());
        this.distinct = new Distinct(limits.distinctExactCap());
    }

    /**
     * Takes the column's value of one row (null when the row is short of fields). Answers the value as a number
     * while the column is numeric and the value one, else NaN; {@code hash} is the value's, for the row's hash.
     */
    double accept(String value, long hash, long line) {
        if (value == null || isNull(value)) {
            nulls++;
            return Double.NaN;
        }
        count++;
        minLength = Math.min(minLength, value.length());
        maxLength = Math.max(maxLength, value.length());
        distinct.add(hash);
        top.update(value.length() > TOP_VALUE_CHARS ? TopKey.of(value.substring(0, TOP_VALUE_CHARS))
                : new TopKey(value, hash));
        int kinds = types.accept(value, line);
        if (numeric != null && !types.numericSoFar()) {
            numeric = null; // demoted to a non-numeric type: its figures no longer describe the column
        }
        if ((kinds & Kinds.DATETIME) != 0 && (types.type().equals("date") || types.type().equals("datetime"))) {
            // ISO 8601 of one type sorts as its instants do (zones aside)
            minTemporal = minTemporal == null || value.compareTo(minTemporal) < 0 ? value : minTemporal;
            maxTemporal = maxTemporal == null || value.compareTo(maxTemporal) > 0 ? value : maxTemporal;
        }
        if (numeric != null) {
            double x = Decimals.parse(value);
            numeric.add(x);
            return x;
        }
        return Double.NaN;
    }

    private static boolean isNull(String value) {
        if (value.isEmpty()) {
            return true;
        }
        // Every token starts with N or n and is short, and a blank value starts with a blank: the others are
        // neither looked up (the set hashes a new String every cell) nor scanned.
        char first = value.charAt(0);
        if (first == 'N' || first == 'n') {
            return value.length() <= 4 && NULL_TOKENS.contains(value);
        }
        return Character.isWhitespace(first) && value.isBlank();
    }

    String name() {
        return name;
    }

    /** integer | decimal | boolean | date | datetime | text | categorical. */
    String type() {
        String type = types.type();
        if (!type.equals("text")) {
            return type;
        }
        return count > 0 && distinct.isExact() && distinct.estimate() <= categoricalMax ? "categorical" : "text";
    }

    boolean isNumeric() {
        return numeric != null && !numeric.isEmpty();
    }

    long count() {
        return count;
    }

    long nulls() {
        return nulls;
    }

    Distinct distinct() {
        return distinct;
    }

    TypeTracker types() {
        return types;
    }

    NumericSummary numeric() {
        return numeric;
    }

    double nullPercent() {
        long rows = count + nulls;
        return rows == 0 ? 0 : 100.0 * nulls / rows;
    }

    JsonObjectBuilder toJson() {
        String type = type();
        JsonObjectBuilder o = Json.object().add("name", name).add("type", type).add("count", count)
                .add("nulls", nulls).add("null_percent", nullPercent()).add("distinct", distinct.estimate())
                .add("distinct_exact", distinct.isExact());
        if (!distinct.isExact()) {
            o.add("distinct_bounds", Json.object().add("lower", distinct.lowerBound())
                    .add("upper", distinct.upperBound()).add("confidence", 0.95));
        }
        if (types.inferred() != null && types.demotedBy() != null) {
            o.add("inferred_type", types.inferred()).add("demoted_by", Json.object()
                    .add("line", types.demotedAtLine()).add("value", types.demotedBy()));
        }
        if (isNumeric()) {
            numeric.writeTo(o, type.equals("integer"));
        } else if (minTemporal != null) {
            o.add("min", minTemporal).add("max", maxTemporal);
        }
        o.add("top_values", topValues());
        if (count > 0) {
            o.add("min_length", minLength).add("max_length", maxLength);
        }
        return o;
    }

    private jakarta.json.JsonArrayBuilder topValues() {
        ItemsSketch.Row<TopKey>[] rows = top.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
        Arrays.sort(rows, Comparator.comparingLong((ItemsSketch.Row<TopKey> r) -> -r.getEstimate())
                .thenComparing(r -> r.getItem().value()));
        jakarta.json.JsonArrayBuilder values = Json.array();
        long error = top.getMaximumError();
        for (int i = 0; i < Math.min(TOP_VALUES, rows.length); i++) {
            JsonObjectBuilder v = Json.object().add("value", rows[i].getItem().value())
                    .add("count", rows[i].getEstimate());
            if (error > 0) {
                v.add("count_error", error);
            }
            values.add(v);
        }
        return values;
    }
}
