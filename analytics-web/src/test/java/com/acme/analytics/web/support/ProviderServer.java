package com.acme.analytics.web.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local stand-in for a provider's API (the JDK's HttpServer on 127.0.0.1): each path answers from a script of
 * responses, the last one repeated, and every request is logged with its time, query Authorization and X-Api-Key headers and its body.
 */
public final class ProviderServer implements AutoCloseable {

    /** One scripted answer; a held one waits for {@link #releaseHeld()} (or the server's closing). */
    public record Answer(int status, String body, Map<String, String> headers, boolean held) {
        public Answer(int status, String body, Map<String, String> headers) {
            this(status, body, headers, false);
        }

        public static Answer ok(String body) {
            return new Answer(200, body, Map.of());
        }

        /**
         * Answers once the test has called {@link #releaseHeld()} twice since the request came (or the server
         * closes): a provider as slow as the test wants, without betting on a duration. Never released, it is
         * slower than any request timeout.
         */
        public static Answer held(String body) {
            return new Answer(200, body, Map.of(), true);
        }
    }

    /** One request as received. */
    public record Received(Instant at, String path, String query, String authorization, String apiKey,
                           String body) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, ConcurrentLinkedDeque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** Counts {@link #releaseHeld()} calls; guarded by this. */
    private long releases;
    private boolean closed;

    public ProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL, such as {@code http://127.0.0.1:41234}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code path} with these, in order; the last one stays. */
    public ProviderServer script(String path, Answer... answers) {
        scripts.put(path, new ConcurrentLinkedDeque<>(List.of(answers)));
        return this;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The most requests this server was answering at one time. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            answer(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(Instant.now(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("X-Api-Key"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        ConcurrentLinkedDeque<Answer> script = scripts.get(path);
        Answer answer = script == null ? new Answer(404, "{\"error\":\"no such path\"}", Map.of())
                : script.size() > 1 ? script.pollFirst() : script.peekFirst();
        if (answer.held() && !awaitRelease()) {
            return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Releases the held requests that were already waiting at the previous call: each is held for at least the
     * time between two calls, such as one poll of a test's wait.
     */
    public synchronized void releaseHeld() {
        releases++;
        notifyAll();
    }

    /** @return whether to answer: false once the server closes */
    private synchronized boolean awaitRelease() {
        long until = releases + 2;
        try {
            while (releases < until && !closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !closed;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
