import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load side of bench/sync, in its own JVM: {@code sync BASE TOKEN WORKSPACE JDBC_URL EVENTS} serves a Mixpanel
 * raw export of EVENTS JSON lines (about 250 bytes each, written as they are read, never held whole) from
 * 127.0.0.1, creates a Mixpanel integration that points at it, and times its first sync from the export request's
 * arrival to the status showing the sync's success. It then counts the integration's stored events, which must be
 * EVENTS, and prints {@code sync events_per_s=... events=... stored=... seconds=...}.
 */
public class SyncBench {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static void main(String[] args) throws Exception {
        if (!"sync".equals(args[0])) {
            throw new IllegalArgumentException("sync BASE TOKEN WORKSPACE JDBC_URL EVENTS");
        }
        sync(URI.create(args[1]), args[2], args[3], args[4], Long.parseLong(args[5]));
    }

    private static void sync(URI base, String token, String workspace, String jdbc, long events) throws Exception {
        AtomicLong exportStartedNanos = new AtomicLong();
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        provider.createContext("/api/2.0/export", exchange -> {
            exportStartedNanos.compareAndSet(0, System.nanoTime());
            export(exchange, events);
        });
        provider.createContext("/api/query/segmentation", exchange -> answer(exchange,
                "{\"data\":{\"series\":[],\"values\":{}},\"legend_size\":0}"));
        provider.start();
        try {
            String url = "http://127.0.0.1:" + provider.getAddress().getPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = ("{'provider':'mixpanel','name':'bench " + RUN + "','syncFrequency':'1h','config':{"
                    + "'projectId':" + (1 + Math.abs(RUN.hashCode() % 100000)) + ",'events':[],'apiBaseUrl':'" + url
                    + "','exportBaseUrl':'" + url + "'},'credentials':{'username':'bench','secret':'bench'}}")
                    .replace('\'', '"');
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("api/workspaces/"
                    + workspace + "/integrations")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("integration not created: " + created.statusCode() + " "
                        + created.body());
            }
            Matcher m = ID.matcher(created.body());
            m.find();
            long id = Long.parseLong(m.group(1));
            URI status = base.resolve("api/workspaces/" + workspace + "/integrations/" + id + "/status");
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            String last;
            while (true) {
                last = http.send(HttpRequest.newBuilder(status).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (last.contains("\"lastSuccessAt\":\"") || last.contains("\"state\":\"failed\"")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the sync did not end within 30 minutes: " + last);
                }
                Thread.sleep(100);
            }
            long doneNanos = System.nanoTime();
            if (!last.contains("\"lastSuccessAt\":\"")) {
                throw new IllegalStateException("the sync failed: " + last);
            }
            double seconds = (doneNanos - exportStartedNanos.get()) / 1e9;
            long stored = stored(jdbc, workspace, id);
            System.out.printf("sync events_per_s=%.0f events=%d stored=%d seconds=%.1f%n", stored / seconds, events,
                    stored, seconds);
            if (stored != events) {
                throw new IllegalStateException(stored + " events stored of " + events + "; status " + last);
            }
        } finally {
            provider.stop(0);
        }
    }

    /** EVENTS export lines of today's last hour, each with its own {@code $insert_id}, streamed. */
    private static void export(HttpExchange exchange, long events) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        long now = Instant.now().getEpochSecond();
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
            StringBuilder line = new StringBuilder(300);
            for (long n = 1; n <= events; n++) {
                line.setLength(0);
                line.append("{\"event\":\"").append(n % 10 == 0 ? "Purchase" : "Page View")
                        .append("\",\"properties\":{\"time\":").append(now - 3600 + n % 3600)
                        .append(",\"distinct_id\":\"u-").append(n % 5000)
                        .append("\",\"$insert_id\":\"mp-").append(RUN).append('-').append(n)
                        .append("\",\"campaignId\":\"camp_").append(n % 20)
                        .append("\",\"sessionId\":\"s-").append(n % 500)
                        .append("\",\"mp_lib\":\"web\",\"$browser\":\"Chrome\",\"$city\":\"Paris\"}}\n");
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static long stored(String jdbc, String workspace, long id) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); PreparedStatement ps = c.prepareStatement(
                "select count(*) from raw_event where workspace_id = ? and metadata ->> 'integrationId' = ?")) {
            ps.setString(1, workspace);
            ps.setString(2, Long.toString(id));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
