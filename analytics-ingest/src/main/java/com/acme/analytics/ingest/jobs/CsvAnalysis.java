package com.acme.analytics.ingest.jobs;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The analysis of one uploaded CSV, in one streaming pass and bounded memory: the 002 document's stages
 * ({@code parsing}, {@code profiling}, {@code correlating}) reported as they pass, the {@code insights} at the end.
 * The implementation is a CDI bean of the ingest module; the job runner owns the job's state and its messages.
 */
public interface CsvAnalysis {

    /**
     * Analyses the file. Answers the {@code insights} object of {@code job_complete}. Throws
     * {@link MalformedCsvException} for a file it cannot analyse (empty, no header, unbalanced quotes, ...) and
     * {@link java.util.concurrent.CancellationException} as soon as it sees {@link Progress#cancelled()}.
     */
    JsonObject analyse(Upload upload, Progress progress) throws MalformedCsvException, IOException;

    /**
     * The uploaded file's bytes, readable from the start more than once (sniffed from its head, then read whole
     * once), without a copy of it on disk: a job reads its upload from the database as it analyses.
     */
    interface Upload {

        /** Its length in bytes, for the progress. */
        long size();

        /** Its bytes from the first; the caller closes the stream, also before its end. */
        InputStream open() throws IOException;

        /** A file as an upload. */
        static Upload of(Path file) throws IOException {
            long size = Files.size(file);
            return new Upload() {
                @Override
                public long size() {
                    return size;
                }

                @Override
                public InputStream open() throws IOException {
                    return Files.newInputStream(file);
                }
            };
        }
    }

    /** What the analysis tells its job as it goes; called from the analysing thread. */
    interface Progress {

        /**
         * Where the analysis is: {@code stage} one of parsing, profiling, correlating; {@code percent} the whole
         * job's progress 0-99, never decreasing; {@code message} a sentence for people. May be called often: the
         * job runner throttles what it sends.
         */
        void at(String stage, int percent, String message);

        /** True once the job was cancelled; the analysis then stops at its next row. */
        boolean cancelled();
    }
}
