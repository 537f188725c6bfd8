package com.acme.analytics.ingest.jobs.profile;

/**
 * A column's type: inferred from its first {@code sampleSize} non-null values (the most specific type all of them
 * fit), then checked against every later value and demoted, once or more, when one does not fit. Also counts how
 * many values fit a type narrower than text, to tell a mixed column from a text one.
 */
final class TypeTracker {

    private final int sampleSize;
    private int mask = Kinds.ANY;
    private long seen;
    private String inferred;
    private String demotedBy;
    private long demotedAtLine;
    private long numeric;
    private long booleans;
    private long temporal;

    TypeTracker(int sampleSize) {
        this.sampleSize = sampleSize;
    }

    /** Takes one non-null value; answers its kinds. */
    int accept(String value, long line) {
        int kinds = Kinds.of(value);
        int before = mask;
        mask &= kinds;
        seen++;
        if (seen == sampleSize) {
            inferred = Kinds.typeOf(mask);
        } else if (seen > sampleSize && mask != before && !Kinds.typeOf(mask).equals(Kinds.typeOf(before))
                && demotedBy == null) {
            demotedBy = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            demotedAtLine = line;
        }
        if ((kinds & Kinds.DECIMAL) != 0) {
            numeric++;
        } else if ((kinds & Kinds.BOOLEAN) != 0) {
            booleans++;
        } else if ((kinds & Kinds.DATETIME) != 0) {
            temporal++;
        }
        return kinds;
    }

    boolean numericSoFar() {
        return (mask & Kinds.DECIMAL) != 0;
    }

    /** integer, decimal, boolean, date, datetime, or text (the caller tells text from categorical). */
    String type() {
        return seen == 0 ? "text" : Kinds.typeOf(mask);
    }

    /** The type the sample suggested, or null when the column had fewer non-null values than the sample. */
    String inferred() {
        return inferred;
    }

    /** The first value that demoted the sample's type, or null. */
    String demotedBy() {
        return demotedBy;
    }

    long demotedAtLine() {
        return demotedAtLine;
    }

    /** The narrower type most values fit, with how many, when the column as a whole is text; else null. */
    Mixed mixed() {
        if (seen == 0 || mask != 0) {
            return null;
        }
        long most = Math.max(numeric, Math.max(booleans, temporal));
        if (most * 2 < seen) {
            return null; // mostly text: a text column with a few numbers in it, not a mixed one
        }
        String kind = most == numeric ? "numeric" : most == booleans ? "boolean" : "date/time";
        return new Mixed(kind, most, seen);
    }

    record Mixed(String kind, long fitting, long values) {
        double percent() {
            return 100.0 * fitting / values;
        }
    }
}
