package com.acme.analytics.web.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A plain HTTP, WebSocket and SSE client of the server under test, as a partner system would use. */
public final class Client {

    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());
    public static final Duration WAIT = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final HttpClient http = HTTP;
    private final URI base;
    /** The Authorization header sent with every request, or null. */
    private final String authorization;

    public Client(URL base) {
        this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), null);
    }

    private Client(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same client, sending this {@code Authorization} header (null: none). */
    public Client as(String authorization) {
        return new Client(base, authorization);
    }

    /** The same client, authenticated by this bearer token or write key. */
    public Client bearer(String token) {
        return as("Bearer " + token);
    }

    public Response get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET());
    }

    /** @param headers more request headers, as name, value, name, value... */
    public Response postJson(String path, String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /**
     * A POST that waits for {@code 100 Continue} before sending its body, so that a server refusing the body
     * early (413) is heard instead of blocking the upload.
     */
    public Response postJsonExpectingContinue(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").DELETE());
    }

    /** Any request, with extra headers (name, value, name, value, ...) and a body (null: none). */
    public Response request(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers());
    }

    /** Opens a WebSocket; every text message received lands in the returned socket's queue. */
    public Socket webSocket(String path, String... headers) {
        return connect(path, headers).join();
    }

    /**
     * The HTTP status refusing a WebSocket handshake, with its body, or 101 and an empty body when the socket
     * opened (it is closed at once).
     */
    public Response webSocketRefusal(String path, String... headers) {
        try {
            connect(path, headers).join().close();
            return new Response(101, "", "", null);
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                HttpResponse<?> r = refused.getResponse();
                Object body = r.body();
                return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                        body == null ? "" : body.toString(), r.headers());
            }
            throw e;
        }
    }

    private CompletableFuture<Socket> connect(String path, String... headers) {
        URI uri = URI.create(base.resolve(path).toString().replaceFirst("^http", "ws"));
        Socket socket = new Socket();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.buildAsync(uri, socket).thenApply(ws -> {
            socket.ws = ws;
            return socket;
        });
    }

    /** Opens an SSE stream; every line received lands in the returned stream's queue. */
    public Lines eventStream(String path) {
        return eventStream(path, null);
    }

    /** Opens an SSE stream as a reconnecting browser does, with the last event id it saw (null for none). */
    public Lines eventStream(String path, String lastEventId) {
        Lines lines = new Lines();
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.GET().build();
        lines.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
            Thread t = new Thread(() -> {
                try {
                    r.body().forEach(lines.queue::add);
                } catch (RuntimeException e) {
                    // the connection broke: the stream ended
                } finally {
                    lines.ended.countDown();
                }
            }, "sse-reader");
            t.setDaemon(true);
            t.start();
            return r;
        });
        return lines;
    }

    public static JsonObject json(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            JsonStructure s = reader.read();
            return s.asJsonObject();
        }
    }

    /** An HTTP answer. */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return Client.json(body);
        }

        public JsonArray jsonArray() {
            try (var reader = JSON.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }
    }

    /** A WebSocket connection and what it received. */
    public static final class Socket implements WebSocket.Listener {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private WebSocket ws;

        /** Sends a binary frame. */
        public void sendBinary(byte[] bytes) {
            ws.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
        }

        /** The close code the server sent, failing when the socket is not closed within {@link #WAIT}. */
        public int awaitClose() {
            return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        }

        public void send(String text) {
            ws.sendText(text, true).join();
        }

        /** The next message the predicate accepts, skipping others; fails after {@link #WAIT}. */
        public JsonObject awaitMessage(Predicate<JsonObject> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String text = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (text != null && wanted.test(json(text))) {
                    return json(text);
                }
            }
            throw new AssertionError("no wanted WebSocket message within " + WAIT);
        }

        /** The next message the predicate accepts within the time, if any. */
        public Optional<JsonObject> pollMessage(Predicate<JsonObject> wanted, Duration within)
                throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                String text = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (text != null && wanted.test(json(text))) {
                    return Optional.of(json(text));
                }
            }
            return Optional.empty();
        }

        public boolean isOpen() {
            return !ws.isInputClosed() && !ws.isOutputClosed();
        }

        public void close() {
            ws.abort();
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** One SSE event. */
    public record Event(String name, String id, String data) {
        public JsonObject json() {
            return Client.json(data);
        }
    }

    /** An SSE stream and the lines received. */
    public static final class Lines {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        private CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        public HttpResponse<java.util.stream.Stream<String>> response() {
            return response.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        }

        /** The next line, failing after {@link #WAIT}. */
        public String next() throws InterruptedException {
            String line = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no SSE line within " + WAIT);
            }
            return line;
        }

        /** Reads up to the next event of that name and returns its data. */
        public JsonObject awaitEvent(String name) throws InterruptedException {
            return awaitFullEvent(name).json();
        }

        /** Reads up to the next event of that name (null: an unnamed event). */
        public Event awaitFullEvent(String name) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                Event e = nextEvent();
                if (java.util.Objects.equals(e.name(), name)) {
                    return e;
                }
            }
            throw new AssertionError("no '" + name + "' event within " + WAIT);
        }

        /** Everything received until the server ended the stream (such as a refusal's body). */
        public String remaining() throws InterruptedException {
            if (!awaitEnd()) {
                throw new AssertionError("the stream did not end within " + WAIT);
            }
            return String.join("\n", queue);
        }

        /** Whether the server ended the stream within {@link #WAIT}. */
        public boolean awaitEnd() throws InterruptedException {
            return ended.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        /** The next whole event: its lines up to the blank line that ends it. */
        public Event nextEvent() throws InterruptedException {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            while (true) {
                String line = next();
                if (line.isEmpty()) {
                    if (name != null || id != null || data.length() > 0) {
                        return new Event(name, id, data.toString());
                    }
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                }
            }
        }

        /** Whether another line arrives within the time. */
        public boolean quietFor(Duration d) throws InterruptedException {
            return queue.poll(d.toMillis(), TimeUnit.MILLISECONDS) == null;
        }

        public void close() {
            response().body().close();
        }
    }
}
