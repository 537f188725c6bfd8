package com.acme.analytics.web.events;

import com.acme.analytics.domain.events.InvalidInputException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a JSON request body, refusing it as soon as it passes the size limit instead of buffering it whole. */
final class JsonBody {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBody() {
    }

    /**
     * @throws WebApplicationException 413 when the body is larger than {@code maxBytes}
     * @throws InvalidInputException   when it is not JSON
     */
    static JsonValue read(InputStream body, long declaredLength, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (var reader = JSON.createReader(new Limited(body, maxBytes))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            // Parsson refuses input nested too deeply with a plain RuntimeException, not a JsonException.
            if (e.getCause() instanceof TooLarge) {
                throw tooLarge(maxBytes);
            }
            throw new InvalidInputException("body", "malformed JSON: " + e.getMessage());
        }
    }

    private static WebApplicationException tooLarge(long maxBytes) {
        return new WebApplicationException("The request body is larger than " + maxBytes + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private static final class TooLarge extends IOException {
    }

    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
