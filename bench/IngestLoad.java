import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of bench/ingest, run as its own process (java IngestLoad.java MODE ...). Each mode prints one
 * line of key=value figures.
 *
 *   batch  BASE_URL SECONDS CONCURRENCY BATCH_SIZE   closed loop: each client posts a batch, waits, posts again
 *   single BASE_URL SECONDS RATE [WARMUP_S]          open loop: one event per request at a fixed rate; the first
 *                                                    WARMUP_S (5) seconds warm this JVM and its connections and
 *                                                    are not measured
 *   copy   JDBC_URL ROWS CHUNK                       COPY FROM STDIN of the same rows into raw_event
 *   acked  BASE_URL SECONDS CONCURRENCY FILE         batches of 10 until killed or done; the ids of every batch
 *                                                    answered 200 are appended to FILE as soon as the answer comes
 *   verify JDBC_URL FILE                             how many of the ids in FILE are stored in raw_event
 *   paced  BASE_URL SECONDS RATE BATCH_SIZE          open loop: batches posted so as to send RATE events/s
 *   get    BASE_URL PATH TOKEN REQUESTS              one GET after the other with the bearer TOKEN: latency
 *   count  JDBC_URL SECONDS                          how many events happened in the last SECONDS (stored)
 */
public class IngestLoad {

    /** The workspace and write key the server printed (Demo workspace / Demo write key). */
    static final String WORKSPACE = System.getenv("BENCH_WORKSPACE");
    static final String AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            (System.getenv("BENCH_WRITE_KEY") + ":").getBytes(StandardCharsets.UTF_8));
    /** Keeps the ids of separate runs apart. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final AtomicLong SEQ = new AtomicLong();

    /** A campaign event of about 200 bytes, as the benchmark's rows. */
    static String event() {
        long n = SEQ.incrementAndGet();
        String type = n % 10 == 0 ? "click" : "impression";
        return "{\"eventType\":\"" + type + "\",\"campaignId\":\"camp_" + (n % 20) + "\",\"organizationId\":\""
                + WORKSPACE + "\",\"eventId\":\"ev-" + RUN + "-" + n + "\",\"value\":0.25,"
                + "\"metadata\":{\"sessionId\":\"s-" + (n % 500) + "\",\"deviceType\":\"mobile\"}}";
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "batch" -> batch(URI.create(args[1] + "/api/analytics/real-time"), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "single" -> single(URI.create(args[1] + "/api/analytics/real-time"), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 5);
            case "copy" -> copy(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "acked" -> acked(URI.create(args[1] + "/api/analytics/real-time"), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), Path.of(args[4]));
            case "verify" -> verify(args[1], Path.of(args[2]));
            case "paced" -> paced(URI.create(args[1] + "/api/analytics/real-time"), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "count" -> count(args[1], Integer.parseInt(args[2]));
            case "get" -> get(URI.create(args[1] + "/" + args[2]), args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void batch(URI uri, int seconds, int concurrency, int batchSize) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
        AtomicLong events = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    StringBuilder body = new StringBuilder("{\"events\":[");
                    for (int i = 0; i < batchSize; i++) {
                        body.append(i == 0 ? "" : ",").append(event());
                    }
                    body.append("]}");
                    try {
                        HttpResponse<String> r = http.send(post(uri, body.toString()), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            events.addAndGet(batchSize);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        long start = System.nanoTime();
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("batch events_per_s=%.0f events=%d errors=%d seconds=%.1f concurrency=%d batch_size=%d%n",
                events.get() / elapsed, events.get(), errors.get(), elapsed, concurrency, batchSize);
        System.exit(0);
    }

    static void single(URI uri, int seconds, int rate, int warmupSeconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
        ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        // A fresh JVM answers its first requests slowly (class loading, JIT, new connections) and an open loop
        // turns that into a queue that takes seconds to drain: measured, it would be the client's cold start.
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long total = (long) (warmupSeconds + seconds) * rate;
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sent = due; // latency from the intended send time: a stalled server cannot hide its queueing
            boolean measured = sent >= measureFrom;
            inFlight.incrementAndGet();
            http.sendAsync(post(uri, "{\"event\":" + event() + "}"), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.decrementAndGet();
                        if (e != null || r.statusCode() != 200) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("error: " + (e != null ? e : "HTTP " + r.statusCode()));
                            }
                        } else if (measured) {
                            latenciesMicros.add((System.nanoTime() - sent) / 1000);
                        }
                    });
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        double elapsed = (System.nanoTime() - measureFrom) / 1e9;
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("single events_per_s=%.0f target_rate=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f ok=%d errors=%d"
                        + " client_warmup_s=%d%n",
                sorted.size() / elapsed, rate, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0, sorted.size(), errors.get(),
                warmupSeconds);
        System.exit(0);
    }

    static void paced(URI uri, int seconds, int rate, int batchSize) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
        AtomicLong events = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        long intervalNanos = 1_000_000_000L * batchSize / rate;
        long start = System.nanoTime();
        long total = (long) seconds * rate / batchSize;
        for (long i = 0; i < total; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int j = 0; j < batchSize; j++) {
                body.append(j == 0 ? "" : ",").append(event());
            }
            body.append("]}");
            inFlight.incrementAndGet();
            http.sendAsync(post(uri, body.toString()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.decrementAndGet();
                        if (e == null && r.statusCode() == 200) {
                            events.addAndGet(batchSize);
                        } else {
                            errors.incrementAndGet();
                        }
                    });
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("paced events_per_s=%.0f target_rate=%d events=%d errors=%d%n", events.get() / elapsed,
                rate, events.get(), errors.get());
        System.exit(0);
    }

    static void count(String jdbcUrl, int seconds) throws Exception {
        try (Connection con = DriverManager.getConnection(jdbcUrl);
             var ps = con.prepareStatement("select count(*) from raw_event where occurred_at >= now() - ? * interval '1 second'")) {
            ps.setInt(1, seconds);
            try (var rs = ps.executeQuery()) {
                rs.next();
                System.out.println(rs.getLong(1));
            }
        }
        System.exit(0);
    }

    static void get(URI uri, String token, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
        List<Long> micros = new ArrayList<>();
        long errors = 0;
        String last = "";
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                micros.add((System.nanoTime() - start) / 1000);
                last = r.body();
            } else if (++errors <= 3) {
                System.err.println("error: HTTP " + r.statusCode() + " " + r.body());
            }
        }
        Collections.sort(micros);
        double mean = micros.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
        System.out.printf("get p50_ms=%.2f p99_ms=%.2f mean_ms=%.2f ok=%d errors=%d answer=%s%n", pct(micros, 0.50),
                pct(micros, 0.99), mean, micros.size(), errors, last.length() > 160 ? last.substring(0, 160) : last);
        System.exit(0);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1000.0;
    }

    static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static void acked(URI uri, int seconds, int concurrency, Path file) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong acknowledged = new AtomicLong();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            ExecutorService clients = Executors.newFixedThreadPool(concurrency);
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        List<String> events = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            events.add(event());
                        }
                        try {
                            HttpResponse<String> r = http.send(post(uri, "{\"events\":[" + String.join(",", events)
                                    + "]}"), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                synchronized (out) {
                                    for (String e : events) {
                                        out.write(e.substring(e.indexOf("\"ev-") + 1, e.indexOf("\",\"value\"")));
                                        out.newLine();
                                    }
                                    out.flush();
                                }
                                acknowledged.addAndGet(events.size());
                            }
                        } catch (Exception e) {
                            // the server is gone: these events were not acknowledged
                        }
                    }
                    return null;
                });
            }
            clients.shutdown();
            clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        }
        System.out.printf("acked events=%d%n", acknowledged.get());
        System.exit(0);
    }

    static void verify(String jdbcUrl, Path file) throws Exception {
        List<String> ids = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        try (Connection con = DriverManager.getConnection(jdbcUrl);
             var ps = con.prepareStatement("select count(*) from raw_event where event_id = any(?)")) {
            ps.setArray(1, con.createArrayOf("text", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                rs.next();
                long stored = rs.getLong(1);
                System.out.printf("verify acknowledged=%d stored=%d lost=%d%n", ids.size(), stored, ids.size() - stored);
            }
        }
    }

    /** The same rows as the server writes into raw_event, by COPY over one connection, in chunks. */
    static void copy(String jdbcUrl, int rows, int chunk) throws Exception {
        try (Connection con = DriverManager.getConnection(jdbcUrl)) {
            CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
            String now = Instant.now().toString();
            long start = System.nanoTime();
            int written = 0;
            while (written < rows) {
                StringBuilder data = new StringBuilder();
                for (int i = 0; i < chunk && written + i < rows; i++) {
                    long n = SEQ.incrementAndGet();
                    data.append(WORKSPACE).append("\tcopy-").append(RUN).append('-').append(n).append('\t')
                            .append(n % 10 == 0 ? "click" : "impression").append("\tcamp_").append(n % 20).append('\t')
                            .append(now).append('\t').append(now).append("\t250000\ts-").append(n % 500)
                            .append("\t\\N\t{\"sessionId\": \"s-").append(n % 500)
                            .append("\", \"deviceType\": \"mobile\"}\n");
                }
                written += (int) copy.copyIn("copy raw_event (workspace_id, event_id, event_type, campaign_id, "
                        + "occurred_at, received_at, value_micros, session_id, user_id, metadata) from stdin",
                        new StringReader(data.toString()));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("copy rows_per_s=%.0f rows=%d seconds=%.1f chunk=%d%n", written / elapsed, written,
                    elapsed, chunk);
        }
    }
}
