import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load and the probes of bench/alerts (java AlertsBench.java BASE_URL OPERATOR_TOKEN). Creates WORKSPACES
 * workspaces with RULES rules in all, streams RATE events a second across them for SECONDS, and meanwhile probes:
 * every PROBE_MS one idle workspace gets three clicks on its probe campaign, which its probe rule ("above 2 in 5 s")
 * turns into a firing alert; the time from the committed answer of that batch to the notification on the
 * workspace's /ws/realtime socket is one sample. A probed workspace is idle again once the resolution came. The
 * evaluation's CPU comes from the system monitor's components.alerts, read at the start and the end of the
 * measurement. The notification's timestamp (when the evaluation that fired began) splits a sample into the part
 * before it (fired_) and after it (socket_): waiting for a tick, against recording and delivering; the message's
 * own timestamp (when the hub took it) splits off the part from the hub to the client (hub_). Prints one line of
 * key=value figures.
 */
public class AlertsBench {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern KEY = Pattern.compile("\"writeKey\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ALERTS = Pattern.compile("\"alerts\"\\s*:\\s*\\{([^}]*)}");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final AtomicLong SEQ = new AtomicLong();

    /** One workspace of the run: its credentials and the probe in flight. */
    static final class Workspace {
        final String id;
        final String writeKey;
        final String token;
        volatile long sentNanos;
        volatile long ackNanos;
        volatile long ackMillis;
        volatile long notifiedNanos;
        volatile long notifiedMillis;
        volatile long firedMillis;
        volatile long publishedMillis;
        volatile boolean probing;

        Workspace(String id, String writeKey, String token) {
            this.id = id;
            this.writeKey = writeKey;
            this.token = token;
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    static final List<Long> FROM_ACK = Collections.synchronizedList(new ArrayList<>());
    static final List<Long> FROM_SEND = Collections.synchronizedList(new ArrayList<>());
    /** The samples split at the notification's timestamp (the evaluation that fired): before it, and after it. */
    static final List<Long> ACK_TO_FIRED = Collections.synchronizedList(new ArrayList<>());
    static final List<Long> FIRED_TO_SOCKET = Collections.synchronizedList(new ArrayList<>());
    /** The part of socket_ from the message's own timestamp (when the hub took it) to the client. */
    static final List<Long> PUBLISHED_TO_SOCKET = Collections.synchronizedList(new ArrayList<>());
    static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*(\\d+)");
    static final AtomicLong STRAY = new AtomicLong();
    /** The notifications that were no probe's, by title, printed to stderr at the end. */
    static final Map<String, Long> STRAY_TITLES = new ConcurrentHashMap<>();
    static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\"");
    static final AtomicLong PROBE_FAILURES = new AtomicLong();

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            // The load's threads would keep the JVM alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        String base = args[0];
        String operator = args[1];
        int workspaces = env("BENCH_WORKSPACES", 100);
        int rules = env("BENCH_RULES", 1000);
        int rate = env("BENCH_RATE", 5000);
        int seconds = env("BENCH_SECONDS", 60);
        int warmup = env("BENCH_WARMUP_S", 620);
        int probeMs = env("BENCH_PROBE_MS", 200);

        List<Workspace> all = new ArrayList<>();
        for (int i = 0; i < workspaces; i++) {
            String ws = call("POST", base + "/api/workspaces", operator, "{\"name\":\"alerts-" + RUN + "-" + i + "\"}", 201);
            String id = find(ID, ws);
            String token = find(TOKEN, call("POST", base + "/api/workspaces/" + id + "/tokens", operator,
                    "{\"role\":\"admin\",\"ttlSeconds\":86400}", 201));
            all.add(new Workspace(id, find(KEY, ws), token));
        }
        int perWorkspace = rules / workspaces;
        for (Workspace w : all) {
            call("POST", base + "/api/workspaces/" + w.id + "/alerts", w.token, probeRule(), 201);
            for (int r = 1; r < perWorkspace; r++) {
                call("POST", base + "/api/workspaces/" + w.id + "/alerts", w.token, loadRule(r), 201);
            }
        }
        Map<String, Workspace> byId = new ConcurrentHashMap<>();
        all.forEach(w -> byId.put(w.id, w));
        List<WebSocket> sockets = new ArrayList<>();
        for (Workspace w : all) {
            sockets.add(socket(base, w));
        }

        long start = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Thread load = new Thread(() -> stream(base, all, rate, warmup + seconds, sent, failed));
        load.start();
        TimeUnit.SECONDS.sleep(warmup);
        String before = call("GET", base + "/api/system/monitor", operator, null, 200);
        long measured = System.nanoTime();
        long probes = 0;
        long probeEnd = measured + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < probeEnd) {
            Workspace w = all.get(ThreadLocalRandom.current().nextInt(all.size()));
            if (!w.probing) {
                probe(base, w);
                probes++;
            }
            TimeUnit.MILLISECONDS.sleep(probeMs);
        }
        String after = call("GET", base + "/api/system/monitor", operator, null, 200);
        double elapsed = (System.nanoTime() - measured) / 1e9;
        load.join();
        // The last probes' resolutions; a probe still open after this was never notified (or never resolved).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (all.stream().anyMatch(w -> w.probing) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        long open = all.stream().filter(w -> w.probing).count();
        long cpuMs = number(after, "evaluationCpuMs") - number(before, "evaluationCpuMs");
        long evaluations = number(after, "rulesEvaluated") - number(before, "rulesEvaluated");
        List<Long> ack = sorted(FROM_ACK);
        List<Long> send = sorted(FROM_SEND);
        List<Long> fired = sorted(ACK_TO_FIRED);
        List<Long> delivered = sorted(FIRED_TO_SOCKET);
        List<Long> published = sorted(PUBLISHED_TO_SOCKET);
        System.out.printf("alerts rules=%d workspaces=%d events_per_s=%.0f failed_batches=%d probes=%d measured=%d"
                        + " unresolved=%d probe_failures=%d stray=%d p50_ms=%d p99_ms=%d max_ms=%d send_p50_ms=%d"
                        + " send_p99_ms=%d fired_p50_ms=%d fired_p99_ms=%d socket_p50_ms=%d socket_p99_ms=%d"
                        + " hub_p50_ms=%d hub_p99_ms=%d evaluation_ms_per_s=%.1f evaluations_per_s=%.0f%n",
                workspaces * perWorkspace, workspaces, sent.get() / ((System.nanoTime() - start) / 1e9), failed.get(),
                probes, ack.size(), open, PROBE_FAILURES.get(), STRAY.get(), pct(ack, 50), pct(ack, 99),
                pct(ack, 100), pct(send, 50), pct(send, 99), pct(fired, 50), pct(fired, 99), pct(delivered, 50),
                pct(delivered, 99), pct(published, 50), pct(published, 99), cpuMs / elapsed, evaluations / elapsed);
        System.err.println("notifications that were no probe's, by title: " + STRAY_TITLES);
        sockets.forEach(s -> s.abort());
    }

    /** The measured rule: fires at the third click of its campaign within 5 s, resolves once they left. */
    static String probeRule() {
        return "{\"name\":\"probe\",\"metric\":{\"view\":\"campaign\",\"field\":\"clicks\",\"campaignId\":\"camp_probe\"},"
                + "\"window\":\"5s\",\"condition\":{\"kind\":\"above\",\"threshold\":2},\"for\":\"0\"}";
    }

    /** Rules on the streamed campaigns that never fire, of every condition kind, so each tick reads real figures. */
    static String loadRule(int r) {
        String metric = "{\"view\":\"campaign\",\"field\":\"" + (r % 2 == 0 ? "clicks" : "impressions")
                + "\",\"campaignId\":\"camp_" + (r % 10) + "\"}";
        String condition = switch (r % 3) {
            case 0 -> "{\"kind\":\"above\",\"threshold\":1000000000}";
            case 1 -> "{\"kind\":\"increase\",\"percent\":100000}";
            default -> "{\"kind\":\"anomaly\",\"zScore\":1000}";
        };
        return "{\"name\":\"load " + r + "\",\"metric\":" + metric + ",\"window\":\"" + (r % 2 == 0 ? "5m" : "1m")
                + "\",\"condition\":" + condition + "}";
    }

    static WebSocket socket(String base, Workspace w) throws Exception {
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        WebSocket ws = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + w.token)
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws/realtime"), new WebSocket.Listener() {
                    final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received(w, text.toString(), subscribed);
                            text.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"subscribe\",\"data\":{\"metrics\":[],\"notifications\":true,\"organizationId\":\""
                + w.id + "\"}}", true);
        subscribed.get(10, TimeUnit.SECONDS);
        return ws;
    }

    static void received(Workspace w, String message, CompletableFuture<Void> subscribed) {
        long now = System.nanoTime();
        if (!message.contains("\"notification\"")) {
            subscribed.complete(null);
            return;
        }
        if (message.contains("Alert: probe") && w.probing && w.notifiedNanos == 0) {
            w.notifiedNanos = now;
            w.notifiedMillis = System.currentTimeMillis();
            // The first timestamp is the data's (the firing evaluation), the last the message's (the hub's).
            Matcher at = TIMESTAMP.matcher(message);
            w.firedMillis = at.find() ? Long.parseLong(at.group(1)) : 0;
            w.publishedMillis = 0;
            while (at.find()) {
                w.publishedMillis = Long.parseLong(at.group(1));
            }
        } else if (message.contains("Resolved: probe") && w.probing && w.notifiedNanos != 0) {
            // Recorded at the resolution, when the committed answer has surely come (it may follow the
            // notification: the answer leaves after the commit, the evaluation may run in between).
            // No answer yet (0): the notification came before the answer left, a sample of 0.
            long ack = w.ackNanos;
            FROM_ACK.add(ack == 0 ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(w.notifiedNanos - ack)));
            FROM_SEND.add(TimeUnit.NANOSECONDS.toMillis(w.notifiedNanos - w.sentNanos));
            if (ack != 0 && w.firedMillis != 0) {
                ACK_TO_FIRED.add(w.firedMillis - w.ackMillis);
                FIRED_TO_SOCKET.add(w.notifiedMillis - w.firedMillis);
            }
            if (w.publishedMillis != 0) {
                PUBLISHED_TO_SOCKET.add(w.notifiedMillis - w.publishedMillis);
            }
            w.notifiedNanos = 0;
            w.probing = false;
        } else {
            STRAY.incrementAndGet();
            Matcher title = TITLE.matcher(message);
            STRAY_TITLES.merge(title.find() ? title.group(1) : "?", 1L, Long::sum);
        }
    }

    /**
     * Three clicks on the probe campaign in one batch; the clock starts at its committed answer. Sent without
     * waiting for that answer, so that a slow ingest delays the probes' samples but not their pace.
     */
    static void probe(String base, Workspace w) {
        w.probing = true;
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 3; i++) {
            body.append(i == 0 ? "" : ",").append(event(w.id, "click", "camp_probe"));
        }
        w.ackNanos = 0;
        w.sentNanos = System.nanoTime();
        HTTP.sendAsync(ingest(base, w, body.append("]}").toString()), HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> {
                    if (e == null && r.statusCode() == 200) {
                        w.ackNanos = System.nanoTime();
                        w.ackMillis = System.currentTimeMillis();
                        return;
                    }
                    System.err.println(e != null ? "probe failed: " + e : "probe answered " + r.statusCode() + ": "
                            + r.body());
                    PROBE_FAILURES.incrementAndGet();
                    w.probing = false;
                });
    }

    /** Open loop: batches of 50 to the workspaces in turn, paced to RATE events a second. */
    static void stream(String base, List<Workspace> all, int rate, int seconds, AtomicLong sent, AtomicLong failed) {
        int batch = 50;
        long interval = 1_000_000_000L * batch / rate;
        long start = System.nanoTime();
        long total = (long) seconds * rate / batch;
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        for (long i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Workspace w = all.get((int) (i % all.size()));
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int j = 0; j < batch; j++) {
                body.append(j == 0 ? "" : ",").append(event(w.id, j % 10 == 0 ? "click" : "impression",
                        "camp_" + (j % 10)));
            }
            pending.add(HTTP.sendAsync(ingest(base, w, body.append("]}").toString()),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 200) {
                            sent.addAndGet(batch);
                        } else {
                            failed.incrementAndGet();
                        }
                    }));
            pending.removeIf(CompletableFuture::isDone);
            if (i % (10L * rate / batch) == 0) {
                System.err.printf("%.0f s: %d events acknowledged, %d batches failed, %d in flight%n",
                        (System.nanoTime() - start) / 1e9, sent.get(), failed.get(), pending.size());
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    static String event(String workspace, String type, String campaign) {
        return "{\"eventType\":\"" + type + "\",\"campaignId\":\"" + campaign + "\",\"organizationId\":\"" + workspace
                + "\",\"eventId\":\"al-" + RUN + "-" + SEQ.incrementAndGet() + "\",\"value\":0.25}";
    }

    static HttpRequest ingest(String base, Workspace w, String body) {
        String basic = Base64.getEncoder().encodeToString((w.writeKey + ":").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + "/api/analytics/real-time")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String call(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        b = body == null ? b.GET() : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String find(Pattern p, String json) {
        Matcher m = p.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + json);
        }
        return m.group(1);
    }

    /** A figure of the monitor's components.alerts. */
    static long number(String monitor, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(find(ALERTS, monitor));
        if (!m.find()) {
            throw new IllegalStateException(name + " not in " + monitor);
        }
        return Long.parseLong(m.group(1));
    }

    static List<Long> sorted(List<Long> values) {
        List<Long> copy;
        synchronized (values) {
            copy = new ArrayList<>(values);
        }
        Collections.sort(copy);
        return copy;
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v);
    }
}
