import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of bench/ingest, run as its own process (java IngestLoad.java MODE ...). Each mode prints one
 * line of key=value figures.
 *
 *   batch  BASE_URL SECONDS CONCURRENCY BATCH_SIZE   closed loop: each client posts a batch, waits, posts again
 *   single BASE_URL SECONDS RATE [WARMUP_S [POISON_PERCENT [JDBC_URL]]]
 *                                                    open loop: one event per request at a fixed rate over
 *                                                    BENCH_CONNECTIONS (50) kept-alive connections; the first
 *                                                    WARMUP_S (5) seconds warm this JVM and its connections and
 *                                                    are not measured; with POISON_PERCENT, poison requests on
 *                                                    top (that share of all requests; see Poison), their answers
 *                                                    counted and, with JDBC_URL, their dead letters
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
                    Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 5,
                    args.length > 5 ? Integer.parseInt(args[5]) : 0, args.length > 6 ? args[6] : null);
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

    /**
     * Poison requests, mixed in by the single mode when asked: events PostgreSQL refuses for what they hold (a
     * metadata number beyond numeric's range, SQLState 22003; the parser takes it), waiting for the commit (400)
     * or buffered (202, then dead-lettered), and events with U+0000 in a metadata value, which the parser refuses
     * (400). Their ids start with "pz-" so that their dead letters can be counted.
     */
    enum Poison {
        OVERFLOW_COMMITTED(400, false), OVERFLOW_BUFFERED(202, true), NUL(400, false);

        final int expected;
        final boolean async;

        Poison(int expected, boolean async) {
            this.expected = expected;
            this.async = async;
        }

        String body() {
            String e = event().replace("\"ev-", "\"pz-");
            return "{\"event\":" + (this == NUL ? e.replace("\"mobile\"", "\"mob\\u0000ile\"")
                    : e.replace("\"deviceType\"", "\"huge\":1e200000,\"deviceType\"")) + "}";
        }
    }

    /** A request due at {@code sent}: a good event when {@code poison} is null. */
    record Due(long sent, Poison poison) {
    }

    static void single(URI uri, int seconds, int rate, int warmupSeconds, int poisonPercent, String jdbcUrl)
            throws Exception {
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>(); // {sent, micros}
        AtomicLong errors = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Map<Poison, Map<Integer, AtomicLong>> poisonAnswers = new ConcurrentHashMap<>();
        // Good events keep their rate; poison comes on top, poisonPercent of all requests.
        long requestRate = Math.round(rate * 100.0 / (100 - poisonPercent));
        long intervalNanos = 1_000_000_000L / requestRate;
        long start = System.nanoTime();
        // A fresh JVM answers its first requests slowly (class loading, JIT, new connections) and an open loop
        // turns that into a queue that takes seconds to drain: measured, it would be the client's cold start.
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long total = (warmupSeconds + seconds) * requestRate;
        // A partner system sends over a bounded pool of kept-alive connections. The JDK's HttpClient has no bound:
        // whenever its completions lagged it opened another connection, 18,000 in 37 s at 1,000 requests/s, and
        // the server's heap filled with their buffers. Requests wait here for a free connection instead, and that
        // wait counts: latency runs from the intended send time.
        BlockingQueue<Due> due = new LinkedBlockingQueue<>();
        int connections = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONNECTIONS", "50"));
        for (int c = 0; c < connections; c++) {
            Thread sender = new Thread(() -> {
                KeptAlive http = new KeptAlive(uri);
                while (true) {
                    Due next;
                    try {
                        next = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (next.poison() != null) {
                        int status = http.post(next.poison().body(), next.poison().async);
                        poisonAnswers.computeIfAbsent(next.poison(), k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    } else {
                        int status = http.post("{\"event\":" + event() + "}", false);
                        if (status != 200) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("error: " + (status < 0 ? "connection failed" : "HTTP " + status));
                            }
                        } else if (next.sent() >= measureFrom) {
                            latencies.add(new long[] {next.sent(), (System.nanoTime() - next.sent()) / 1000});
                        }
                    }
                    done.incrementAndGet();
                }
            });
            sender.setDaemon(true);
            sender.start();
        }
        // BENCH_POISON_KINDS (all by default): which kinds to send, in turn, such as NUL alone to tell the cost of
        // more requests from the cost of the database's refusals.
        Poison[] kinds = Arrays.stream(System.getenv().getOrDefault("BENCH_POISON_KINDS",
                "OVERFLOW_COMMITTED,OVERFLOW_BUFFERED,NUL").split(",")).map(Poison::valueOf).toArray(Poison[]::new);
        int poisonSeq = 0;
        for (long i = 0; i < total; i++) {
            long sent = start + i * intervalNanos;
            long wait = sent - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean poison = (i + 1) * poisonPercent / 100 > i * poisonPercent / 100;
            due.add(new Due(sent, poison ? kinds[poisonSeq++ % kinds.length] : null));
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (done.get() < total && System.nanoTime() < drainUntil) {
            Thread.sleep(10);
        }
        double elapsed = (System.nanoTime() - measureFrom) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies.size());
        latencies.forEach(l -> sorted.add(l[1]));
        Collections.sort(sorted);
        if (System.getenv("BENCH_TIMELINE") != null) {
            timeline(latencies, measureFrom, start);
        }
        System.out.printf("single events_per_s=%.0f target_rate=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f ok=%d errors=%d"
                        + " client_warmup_s=%d connections=%d%s%n",
                sorted.size() / elapsed, rate, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0, sorted.size(), errors.get(),
                warmupSeconds, connections, poisonPercent == 0 ? "" : poisonFigures(poisonPercent, poisonAnswers,
                        jdbcUrl));
        System.exit(0);
    }

    /**
     * The poison requests' answers, all rounds' seconds included (client warm-up too): as expected (400, or 202
     * for buffered ones), or not; and, once the buffered ones had time to be written, how many were dead-lettered.
     */
    static String poisonFigures(int percent, Map<Poison, Map<Integer, AtomicLong>> answers, String jdbcUrl)
            throws Exception {
        long sent = 0, refused = 0, buffered = 0;
        StringBuilder unexpected = new StringBuilder();
        for (Poison p : Poison.values()) {
            for (var answer : answers.getOrDefault(p, Map.of()).entrySet()) {
                long n = answer.getValue().get();
                sent += n;
                if (answer.getKey() != p.expected) {
                    unexpected.append(unexpected.isEmpty() ? "" : ",").append(p).append(':').append(answer.getKey())
                            .append('x').append(n);
                } else if (p.expected == 202) {
                    buffered += n;
                } else {
                    refused += n;
                }
            }
        }
        long deadLettered = -1;
        if (jdbcUrl != null) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            do {
                try (Connection con = DriverManager.getConnection(jdbcUrl); var ps = con.prepareStatement(
                        "select count(*) from dead_letter where event_id like ?")) {
                    ps.setString(1, "pz-" + RUN + "-%");
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        deadLettered = rs.getLong(1);
                    }
                }
            } while (deadLettered < buffered && System.nanoTime() < until && sleepMillis(200));
        }
        return String.format(" poison_percent=%d poison_sent=%d poison_400=%d poison_202=%d dead_lettered=%d"
                + " poison_unexpected=%s", percent, sent, refused, buffered, deadLettered,
                unexpected.isEmpty() ? "none" : unexpected);
    }

    static boolean sleepMillis(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    /** One kept-alive HTTP/1.1 connection posting JSON with the write key; reconnects after a failure. */
    static final class KeptAlive {
        private final URI uri;
        private final byte[] head;
        private final byte[] asyncHead;
        private Socket socket;
        private BufferedInputStream in;
        private OutputStream out;

        KeptAlive(URI uri) {
            this.uri = uri;
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: " + AUTHORIZATION + "\r\nContent-Type: application/json\r\n";
            this.head = (head + "Content-Length: ").getBytes(StandardCharsets.US_ASCII);
            this.asyncHead = (head + "Prefer: respond-async\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
        }

        /** @param async whether to ask for the buffered answer; @return the status, or -1 when the connection failed */
        int post(String body, boolean async) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try {
                if (socket == null) {
                    socket = new Socket(uri.getHost(), uri.getPort());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    in = new BufferedInputStream(socket.getInputStream());
                    out = new BufferedOutputStream(socket.getOutputStream());
                }
                out.write(async ? asyncHead : head);
                out.write((bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                String status = line();
                long length = 0;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String lower = header.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).trim());
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    } else if (lower.startsWith("transfer-encoding:")) {
                        throw new IOException("chunked answers are not expected here");
                    }
                }
                in.skipNBytes(length);
                if (close) {
                    disconnect();
                }
                return Integer.parseInt(status.split(" ")[1]);
            } catch (IOException | RuntimeException e) {
                disconnect();
                return -1;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException();
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void disconnect() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // discarded either way
            }
            socket = null;
        }
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

    /**
     * With BENCH_TIMELINE set, the single mode also prints (to stderr) each second's latencies by send time: a tail
     * made of a few slow seconds has another cause than one spread evenly. Wall-clock stamps line up with GC and
     * database logs.
     */
    static void timeline(ConcurrentLinkedQueue<long[]> latencies, long measureFrom, long start) {
        long wallStartMillis = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000;
        java.util.TreeMap<Long, List<Long>> perSecond = new java.util.TreeMap<>();
        latencies.forEach(l -> perSecond.computeIfAbsent((l[0] - measureFrom) / 1_000_000_000L, k -> new ArrayList<>())
                .add(l[1]));
        perSecond.forEach((second, micros) -> {
            Collections.sort(micros);
            long wall = wallStartMillis + (measureFrom - start) / 1_000_000 + second * 1000;
            System.err.printf("second %s n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                    Instant.ofEpochMilli(wall), micros.size(), pct(micros, 0.5), pct(micros, 0.99),
                    micros.get(micros.size() - 1) / 1000.0);
        });
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
