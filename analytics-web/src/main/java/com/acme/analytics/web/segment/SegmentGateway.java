package com.acme.analytics.web.segment;

import com.acme.analytics.realtime.hub.MessageWriter;
import com.acme.analytics.web.errors.Problem;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Segment's endpoints live at {@code /v1/*}, outside the REST API's {@code /api}. This filter takes their requests
 * as Segment's SDKs send them, within Segment's limits, and hands them to the API at {@code /api/v1/*}: it
 * inflates a gzip body (counting the inflated bytes against the limit, so a small bomb cannot grow), refuses a
 * batch over 500 KB with 413 before reading more, and turns a {@code writeKey} in the body into the basic-auth
 * credential the SDKs otherwise send.
 */
@WebFilter(urlPatterns = "/v1/*", asyncSupported = true)
public class SegmentGateway extends HttpFilter {

    /** Segment's limit for one request. */
    static final int MAX_BATCH_BYTES = 500 * 1024;
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(req.getMethod())) {
            refuse(resp, Response.Status.METHOD_NOT_ALLOWED, "Segment's endpoints take POST");
            return;
        }
        if (req.getContentLengthLong() > MAX_BATCH_BYTES) {
            refuse(resp, Response.Status.REQUEST_ENTITY_TOO_LARGE, "A request may carry at most 500 KB");
            return;
        }
        byte[] body;
        try {
            body = readAtMost(inflated(req), MAX_BATCH_BYTES);
        } catch (IOException e) {
            refuse(resp, Response.Status.BAD_REQUEST, "The gzip body cannot be read: " + e.getMessage());
            return;
        }
        if (body == null) {
            refuse(resp, Response.Status.REQUEST_ENTITY_TOO_LARGE, "A request may carry at most 500 KB");
            return;
        }
        String authorization = req.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            String writeKey = writeKeyIn(body);
            if (writeKey != null) {
                authorization = "Basic " + Base64.getEncoder()
                        .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
            }
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        req.getRequestDispatcher("/api" + path).forward(new Buffered(req, body, authorization), resp);
    }

    private static InputStream inflated(HttpServletRequest req) throws IOException {
        String encoding = req.getHeader(HttpHeaders.CONTENT_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")
                ? new GZIPInputStream(req.getInputStream()) : req.getInputStream();
    }

    /** @return the bytes, or null when there are more than {@code max} */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    private static String writeKeyIn(byte[] body) {
        try (var reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() == JsonValue.ValueType.OBJECT
                    && v.asJsonObject().get("writeKey") instanceof JsonString key && !key.getString().isBlank()) {
                return key.getString();
            }
        } catch (JsonException e) {
            // the API answers malformed JSON with its own 400
        }
        return null;
    }

    private static void refuse(HttpServletResponse resp, Response.Status status, String detail) throws IOException {
        resp.setStatus(status.getStatusCode());
        // JSON is UTF-8 by definition; bytes keep a charset parameter out of the media type, as in the API's answers.
        resp.setContentType(Problem.MEDIA_TYPE.toString());
        resp.getOutputStream().write(MessageWriter.toJson(new Problem("about:blank", status.getReasonPhrase(),
                status.getStatusCode(), detail, null)).getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body read and inflated, and the credential the body carried. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;
        private final String authorization;

        Buffered(HttpServletRequest req, byte[] body, String authorization) {
            super(req);
            this.body = body;
            this.authorization = authorization;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                return authorization;
            }
            if (HttpHeaders.CONTENT_ENCODING.equalsIgnoreCase(name)) {
                return null;
            }
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return Integer.toString(body.length);
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) || HttpHeaders.CONTENT_ENCODING.equalsIgnoreCase(name)
                    || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String n = e.nextElement();
                if (!HttpHeaders.CONTENT_ENCODING.equalsIgnoreCase(n) && !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(n)) {
                    names.add(n);
                }
            }
            if (authorization != null) {
                names.add(HttpHeaders.AUTHORIZATION);
            }
            return Collections.enumeration(names);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
