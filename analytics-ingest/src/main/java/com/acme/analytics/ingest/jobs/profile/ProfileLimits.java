package com.acme.analytics.ingest.jobs.profile;

/**
 * The bounds that keep one analysis in bounded memory, whatever the file.
 *
 * @param distinctExactCap    how many distinct values per column are counted exactly before a HyperLogLog sketch
 *                            of as many registers (rounded up to a power of two) estimates
 * @param duplicateRowsExactCap the same for whole rows, for duplicate_rows
 * @param maxFieldChars       the longest field accepted, in characters
 * @param maxRaggedRows       rows with another field count than the header's tolerated before the file is refused
 * @param correlationColumns  numeric columns paired for Pearson correlations (the first ones of the file)
 * @param typeSampleRows      non-null values per column from which its type is first inferred
 * @param categoricalMax      most distinct values of a text column still called categorical
 */
public record ProfileLimits(int distinctExactCap, int duplicateRowsExactCap, int maxFieldChars, int maxRaggedRows,
                            int correlationColumns, int typeSampleRows, int categoricalMax) {

    public ProfileLimits {
        if (distinctExactCap < 1 || duplicateRowsExactCap < 1 || maxFieldChars < 1 || maxRaggedRows < 0
                || correlationColumns < 0 || typeSampleRows < 1 || categoricalMax < 1) {
            throw new IllegalArgumentException("profile limits must be positive: " + this);
        }
    }

    /** The defaults of microprofile-config.properties, for tests. */
    public static ProfileLimits defaults() {
        return new ProfileLimits(16_384, 262_144, 1_048_576, 100, 20, 1_000, 50);
    }
}
