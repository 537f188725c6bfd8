package com.acme.analytics.ingest.jobs;

import com.acme.analytics.domain.AnalyticsException;

/** An upload that passed {@code analytics.jobs.max-upload-bytes}: refused as soon as it did, nothing kept. */
public class UploadTooLargeException extends AnalyticsException {

    public UploadTooLargeException(long maxBytes) {
        super("The upload is larger than " + maxBytes + " bytes (analytics.jobs.max-upload-bytes)");
    }
}
