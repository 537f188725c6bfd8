package com.acme.analytics.web.jobs;

import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.ingest.jobs.UploadTooLargeException;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletDiskFileUpload;

import java.io.IOException;
import java.io.InputStream;

/**
 * The {@code file} part of a {@code multipart/form-data} upload, read as a stream straight from the request: parts
 * before it are skipped, nothing is buffered to memory or disk, so the job store counts the file's bytes as they
 * arrive and refuses it at the limit like a {@code text/csv} body.
 */
final class FormUpload {

    static final String FIELD = "file";
    /**
     * What a form may add to its file (boundaries, part headers, small fields) before the request as a whole is
     * refused: the limit applies to the file, so a form exactly at it must still pass.
     */
    static final long FORM_OVERHEAD = 64 * 1024;

    private final FileItemInput part;

    private FormUpload(FileItemInput part) {
        this.part = part;
    }

    /** Positions on the {@code file} part; throws a field-level error when there is none. */
    static FormUpload of(InputStream body, String contentType, long contentLength, long maxFileBytes)
            throws IOException {
        JakartaServletDiskFileUpload upload = new JakartaServletDiskFileUpload();
        upload.setSizeMax(maxFileBytes + FORM_OVERHEAD);
        try {
            FileItemInputIterator parts = upload.getItemIterator(new StreamContext(body, contentType, contentLength));
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (FIELD.equals(part.getFieldName()) && !part.isFormField()) {
                    return new FormUpload(part);
                }
            }
        } catch (FileUploadSizeException e) {
            throw new UploadTooLargeException(maxFileBytes);
        } catch (FileUploadException e) {
            throw new InvalidInputException("body", "not a readable multipart/form-data body: " + e.getMessage());
        }
        throw new InvalidInputException(FIELD, "multipart/form-data needs a file part named \"" + FIELD + "\"");
    }

    /** The file's name as the browser sent it, or null. */
    String fileName() {
        String name = part.getName();
        return name == null || name.isBlank() ? null : name;
    }

    InputStream content() throws IOException {
        return part.getInputStream();
    }

    private record StreamContext(InputStream body, String contentType, long contentLength)
            implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return null;
        }

        @Override
        public long getContentLength() {
            return contentLength;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
