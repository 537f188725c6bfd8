import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The black-box checks of {@code appservers/smoke} against one deployed EAR, with nothing but the JDK: health, an
 * event ingested and read back (in JSON-B's shape), the metrics endpoint, a {@code metrics_update} over
 * {@code /ws/realtime} after the ingest, and an SSE {@code stats}. The credentials come from the bootstrap file the
 * application writes when {@code analytics.security.bootstrap-file} is set.
 *
 * <p>Usage: {@code java appservers/SmokeChecks.java <base url> <credentials file> <metrics url> <a metric name>}
 * (the metrics answer must hold that name). Prints one line per
 * check ({@code CHECK <name> ok} or {@code CHECK <name> FAILED: <why>}); exits 1 at the first failure.
 */
public class SmokeChecks {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Sockets of the fan-out check, within the per-credential cap (20) with the others open. */
    private static final int FAN_OUT_CLIENTS = 10;
    /** Events of the fan-out check, about 1,000 characters each: past the 64 K after which the server pings. */
    private static final int FAN_OUT_EVENTS = 100;
    private static final Pattern IMPRESSIONS = Pattern.compile("\"totalImpressions\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    private SmokeChecks(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        SmokeChecks checks = new SmokeChecks(URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/"));
        try {
            checks.run(Path.of(args[1]), URI.create(args[2]), args[3]);
        } catch (CheckFailed e) {
            System.out.println("CHECK " + e.check + " FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run(Path credentialsFile, URI metrics, String expectedMetric) throws Exception {
        awaitHealthy();
        Properties credentials = credentials(credentialsFile);
        String workspace = credentials.getProperty("workspace");
        String token = credentials.getProperty("token");

        Messages socket = new Messages();
        // ws:// or wss:// as the base is http:// or https://
        URI endpoint = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/realtime?access_token=" + token);
        WebSocket ws = http.newWebSocketBuilder().buildAsync(endpoint, socket).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],\"organizationId\":\""
                + workspace + "\"}}", true);
        String snapshot = socket.await("websocket-snapshot", m -> m.contains("\"metrics_update\"")
                && IMPRESSIONS.matcher(m).find());
        long before = impressions(snapshot);
        ok("websocket-snapshot");

        Lines sse = openStream(workspace, token);

        String campaign = "camp_smoke_" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"event\":{\"eventType\":\"impression\",\"campaignId\":\"" + campaign
                + "\",\"organizationId\":\"" + workspace + "\",\"metadata\":{\"sessionId\":\"smoke\"},\"value\":1.5}}";
        HttpResponse<String> ingest = http.send(HttpRequest.newBuilder(base.resolve("api/analytics/real-time"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (credentials.getProperty("writeKey") + ":").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        expect("ingest", ingest.statusCode() == 200 && ingest.body().contains("\"accepted\":1"),
                ingest.statusCode() + " " + ingest.body());
        // JSON-B writes an Instant as an ISO-8601 string; Jackson (RESTEasy's preference on WildFly) as a number.
        expect("json-b", Pattern.compile("\"timestamp\"\\s*:\\s*\"\\d{4}-").matcher(ingest.body()).find(),
                ingest.body());

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(
                        base.resolve("api/campaigns/" + campaign + "/analytics/real-time?timeWindow=3600"))
                .header("Authorization", "Bearer " + token).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect("read-back", read.statusCode() == 200
                        && Pattern.compile("\"impressions\"\\s*:\\s*1\\b").matcher(read.body()).find(),
                read.statusCode() + " " + read.body());

        socket.await("websocket-metrics-update", m -> m.contains("\"metrics_update\"") && impressions(m) > before);
        ok("websocket-metrics-update");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");

        sse.await("sse-stats", line -> line.matches("event:\\s*stats"));
        ok("sse-stats");
        sse.close();

        fanOut(endpoint, workspace, credentials.getProperty("writeKey"));

        // Payara's metrics are guarded by the application (operator token); WildFly's management port ignores it.
        HttpResponse<String> metricsAnswer = http.send(HttpRequest.newBuilder(metrics).timeout(WAIT)
                .header("Authorization", "Bearer " + credentials.getProperty("operatorToken")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect("metrics", metricsAnswer.statusCode() == 200 && metricsAnswer.body().contains(expectedMetric),
                metrics + " answered " + metricsAnswer.statusCode() + " without " + expectedMetric);
        System.out.println("  " + metrics + ": " + metricsAnswer.body().lines()
                .filter(l -> l.startsWith(expectedMetric)).findFirst().orElse(""));
    }

    /**
     * Fan-out and flow control: every socket subscribed to the workspace's events receives every event of a batch,
     * in order, and the server pings each one on the way (what it does after every 64 K characters), which the
     * JDK's client answers, so the sends go on.
     */
    private void fanOut(URI endpoint, String workspace, String writeKey) throws Exception {
        String campaign = "camp_fanout_" + UUID.randomUUID().toString().substring(0, 8);
        Messages[] clients = new Messages[FAN_OUT_CLIENTS];
        WebSocket[] sockets = new WebSocket[FAN_OUT_CLIENTS];
        for (int i = 0; i < FAN_OUT_CLIENTS; i++) {
            clients[i] = new Messages();
            sockets[i] = http.newWebSocketBuilder().buildAsync(endpoint, clients[i]).get(WAIT.toSeconds(),
                    TimeUnit.SECONDS);
            sockets[i].sendText("{\"type\":\"subscribe\",\"data\":{\"metrics\":[\"dashboard\"],"
                    + "\"events\":[\"campaign\"],\"organizationId\":\"" + workspace + "\"}}", true);
            // The snapshot answers the subscription: from then on the socket gets the workspace's events.
            clients[i].await("fan-out-subscribe", m -> m.contains("\"metrics_update\""));
        }
        String padding = "x".repeat(900);
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int n = 0; n < FAN_OUT_EVENTS; n++) {
            body.append(n == 0 ? "" : ",").append("{\"eventType\":\"click\",\"campaignId\":\"").append(campaign)
                    .append("\",\"organizationId\":\"").append(workspace).append("\",\"eventId\":\"")
                    .append(campaign).append('-').append(n).append("\",\"metadata\":{\"n\":").append(n)
                    .append(",\"padding\":\"").append(padding).append("\"}}");
        }
        HttpResponse<String> ingest = http.send(HttpRequest.newBuilder(base.resolve("api/analytics/real-time"))
                .header("Authorization", "Bearer " + writeKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        expect("fan-out-ingest", ingest.statusCode() == 200
                && ingest.body().contains("\"accepted\":" + FAN_OUT_EVENTS), ingest.statusCode() + " " + ingest.body());
        for (int i = 0; i < FAN_OUT_CLIENTS; i++) {
            for (int n = 0; n < FAN_OUT_EVENTS; n++) {
                String id = "\"" + campaign + "-" + n + "\"";
                clients[i].await("fan-out", m -> m.contains("\"type\":\"event\"") && m.contains(id));
            }
            if (clients[i].pings == 0) {
                throw new CheckFailed("flow-control", "client " + i + " received " + FAN_OUT_EVENTS
                        + " events and no ping");
            }
            sockets[i].sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        ok("flow-control");
        System.out.println("  " + FAN_OUT_CLIENTS + " clients got all " + FAN_OUT_EVENTS + " events in order; pings: "
                + java.util.Arrays.stream(clients).mapToInt(c -> c.pings).sum());
        ok("fan-out");
    }

    private void awaitHealthy() throws InterruptedException, CheckFailed {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("health"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    ok("health");
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new CheckFailed("health", "not 200 within " + READY_TIMEOUT.toSeconds() + " s: " + last);
    }

    private static Properties credentials(Path file) throws IOException, CheckFailed {
        if (!Files.exists(file)) {
            throw new CheckFailed("credentials", "the application wrote no bootstrap file at " + file);
        }
        Properties credentials = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            credentials.load(in);
        }
        for (String key : new String[] {"workspace", "writeKey", "token"}) {
            if (credentials.getProperty(key) == null) {
                throw new CheckFailed("credentials", "no " + key + " in " + file);
            }
        }
        ok("credentials");
        return credentials;
    }

    private Lines openStream(String workspace, String token) throws CheckFailed, InterruptedException {
        Lines lines = new Lines();
        CompletableFuture<HttpResponse<Void>> stream = http.sendAsync(HttpRequest.newBuilder(
                        base.resolve("api/workspaces/" + workspace + "/analytics/realtime"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(lines));
        lines.response = stream;
        return lines;
    }

    private static long impressions(String message) {
        Matcher m = IMPRESSIONS.matcher(message);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void ok(String check) {
        System.out.println("CHECK " + check + " ok");
    }

    private static void expect(String check, boolean condition, String detail) throws CheckFailed {
        if (!condition) {
            throw new CheckFailed(check, detail);
        }
        ok(check);
    }

    /** The text messages of the WebSocket, whole, in arrival order. */
    private static final class Messages implements WebSocket.Listener {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        /** Pings received; the JDK's client answers each with a pong by itself. */
        private volatile int pings;

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            pings++;
            return WebSocket.Listener.super.onPing(webSocket, message);
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

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add("CLOSED " + statusCode + " " + reason);
            return null;
        }

        String await(String check, Predicate<String> wanted) throws InterruptedException, CheckFailed {
            Instant deadline = Instant.now().plus(WAIT);
            String last = "nothing";
            while (Instant.now().isBefore(deadline)) {
                String message = received.poll(Duration.between(Instant.now(), deadline).toMillis() + 1,
                        TimeUnit.MILLISECONDS);
                if (message == null) {
                    break;
                }
                if (wanted.test(message)) {
                    return message;
                }
                last = message;
            }
            throw new CheckFailed(check, "no such message within " + WAIT.toSeconds() + " s; last: " + last);
        }
    }

    /** The lines of an SSE stream. */
    private static final class Lines implements Flow.Subscriber<String> {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private Flow.Subscription subscription;
        private CompletableFuture<HttpResponse<Void>> response;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            received.add(line);
        }

        @Override
        public void onError(Throwable t) {
            received.add("ERROR " + t);
        }

        @Override
        public void onComplete() {
            received.add("END");
        }

        String await(String check, Predicate<String> wanted) throws InterruptedException, CheckFailed {
            Instant deadline = Instant.now().plus(WAIT);
            String last = "nothing";
            while (Instant.now().isBefore(deadline)) {
                String line = received.poll(Duration.between(Instant.now(), deadline).toMillis() + 1,
                        TimeUnit.MILLISECONDS);
                if (line == null) {
                    break;
                }
                if (wanted.test(line)) {
                    return line;
                }
                last = line;
            }
            String status = response.isDone() ? " (answer " + response.join().statusCode() + ")" : "";
            throw new CheckFailed(check, "no such line within " + WAIT.toSeconds() + " s" + status + "; last: " + last);
        }

        void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    private static final class CheckFailed extends Exception {
        final String check;

        CheckFailed(String check, String message) {
            super(message);
            this.check = check;
        }
    }
}
