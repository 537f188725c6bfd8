/**
 * The streaming CSV profiler behind {@link com.acme.analytics.ingest.jobs.CsvAnalysis}: one pass over the file in
 * bounded memory (FastCSV parses, DataSketches KLL, HyperLogLog and frequent items summarise), the sniffing of
 * encoding, BOM, delimiter and header before it, and the insights after it: column profiles, correlations, alerts and summary
 * sentences. Every approximate figure says so and carries its error bound.
 */
package com.acme.analytics.ingest.jobs.profile;
