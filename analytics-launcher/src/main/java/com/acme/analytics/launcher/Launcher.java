package com.acme.analytics.launcher;

import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import fish.payara.micro.boot.AdminCommandRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;

/**
 * Runs the server in one process: the embedded PostgreSQL unless {@code ANALYTICS_DB_URL} is set, then Payara
 * Micro with the WAR at the root context. On SIGTERM or Ctrl-C it stops Payara first (the flusher writes what
 * is buffered) and the database last.
 *
 * <p>Usage: {@code Launcher <analytics-web.war>}; environment: {@code PORT} (8080), {@code ANALYTICS_DATA_DIR}
 * (./data), {@code ANALYTICS_DB_URL}/{@code _USER}/{@code _PASSWORD}, {@code ANALYTICS_EMBEDDED_DB_PORT} (any),
 * {@code SSL_PORT} (none) with {@code ANALYTICS_TLS_KEYSTORE}, {@code _KEYSTORE_PASSWORD}, {@code _CERT_ALIAS},
 * {@code ANALYTICS_DEMO_SIMULATION} ({@code true}: the demo workspace gets a gentle simulation).
 *
 * <p>The application writes the demo workspace's credentials to {@code credentials.properties} in the data
 * directory at each start (see {@code DemoWorkspace}); once the server is healthy they are printed.
 */
public final class Launcher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Launcher <analytics-web.war>");
            System.exit(2);
        }
        int port = Integer.parseInt(env("PORT", "8080"));
        Path dataDir = Path.of(env("ANALYTICS_DATA_DIR", "./data")).toAbsolutePath();

        EmbeddedDatabase database = null;
        if (System.getenv("ANALYTICS_DB_URL") == null) {
            database = EmbeddedDatabase.start(dataDir.resolve("postgres"),
                    Integer.parseInt(env("ANALYTICS_EMBEDDED_DB_PORT", "0")));
            // System properties are a MicroProfile Config source of higher priority than the defaults.
            System.setProperty("analytics.db.url", database.jdbcUrl());
            System.setProperty("analytics.db.user", database.user());
            System.out.println("Embedded PostgreSQL: " + database.jdbcUrl() + " (data in " + dataDir + ")");
        }

        Path credentials = dataDir.resolve("credentials.properties");
        System.setProperty("analytics.security.bootstrap-file", credentials.toString());
        // The demo workspace's sample traffic (analytics.simulator.demo, on by default): off with
        // ANALYTICS_DEMO_SIMULATION=false.
        String demoSimulation = System.getenv("ANALYTICS_DEMO_SIMULATION");
        if (demoSimulation != null && !demoSimulation.isBlank()) {
            System.setProperty("analytics.simulator.demo", demoSimulation.trim());
        }
        Instant started = Instant.now();

        // Payara Micro serves a WAR named ROOT.war at the root context, where the documents' URLs expect it.
        Path deployDir = Files.createDirectories(dataDir.resolve("deploy"));
        Path war = Files.copy(Path.of(args[0]), deployDir.resolve("ROOT.war"), StandardCopyOption.REPLACE_EXISTING);

        PayaraMicro micro = PayaraMicro.getInstance();
        String sslPort = System.getenv("SSL_PORT");
        if (sslPort != null && !sslPort.isBlank()) {
            configureTls(micro, Integer.parseInt(sslPort));
        }
        PayaraMicroRuntime runtime = micro
                .setHttpPort(port)
                .setNoCluster(!Boolean.parseBoolean(env("ANALYTICS_CLUSTER", "false")))
                .setRootDir(freshDirectory(dataDir.resolve("payara")).toFile())
                .setPrintLogo(false)
                .addDeploymentFile(war.toFile())
                .setPreBootHandler(admin -> runCommands(admin, "/pre-boot-commands.txt"))
                .setPostBootHandler(admin -> runCommands(admin, "/post-boot-commands.txt"))
                .bootStrap();

        EmbeddedDatabase db = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runtime, db), "analytics-shutdown"));
        if (runtime.getDeployedApplicationNames().isEmpty()) {
            System.err.println("The application failed to deploy; see the log above.");
            System.exit(1);
        }

        String base = "http://localhost:" + port + "/";
        if (awaitHealthy(URI.create(base + "health"))) {
            System.out.println("Analytics is up. Dashboard: " + base);
            printCredentials(credentials, started, base);
        } else {
            System.out.println("Analytics did not report healthy within " + READY_TIMEOUT.toSeconds()
                    + " s; see the log above. Dashboard: " + base);
        }
    }

    /**
     * HTTPS (and WSS) on the given port. Without a keystore Payara uses its own self-signed certificate; with
     * {@code ANALYTICS_TLS_KEYSTORE} (a PKCS12 or JKS file) and its password it serves the certificate of alias
     * {@code ANALYTICS_TLS_CERT_ALIAS} from it.
     */
    private static void configureTls(PayaraMicro micro, int sslPort) {
        micro.setSslPort(sslPort);
        String keystore = System.getenv("ANALYTICS_TLS_KEYSTORE");
        if (keystore != null && !keystore.isBlank()) {
            System.setProperty("javax.net.ssl.keyStore", Path.of(keystore).toAbsolutePath().toString());
            System.setProperty("javax.net.ssl.keyStorePassword", env("ANALYTICS_TLS_KEYSTORE_PASSWORD", ""));
        }
        String alias = System.getenv("ANALYTICS_TLS_CERT_ALIAS");
        if (alias != null && !alias.isBlank()) {
            micro.setSslCert(alias);
        }
    }

    /** Prints the demo credentials the application wrote during this start, each on a line of its own. */
    private static void printCredentials(Path file, Instant started, String base) throws IOException {
        if (!Files.exists(file) || Files.getLastModifiedTime(file).toInstant().isBefore(started)) {
            System.out.println("No demo credentials were written to " + file + "; see the log above.");
            return;
        }
        Properties demo = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            demo.load(in);
        }
        System.out.println("Demo workspace: " + demo.getProperty("workspace"));
        System.out.println("Demo write key: " + demo.getProperty("writeKey"));
        System.out.println("Demo token: " + demo.getProperty("token"));
        System.out.println("Operator token: " + demo.getProperty("operatorToken"));
        // The fragment never reaches the server, and the page removes it from the address bar.
        System.out.println("Demo dashboard: " + base + "#token=" + demo.getProperty("token"));
    }

    /**
     * The commands of {@code pre-boot-commands.txt} (configuration, applied before the listeners start, so none is
     * restarted) or {@code post-boot-commands.txt}; the integration tests give Payara Micro the same files.
     */
    private static void runCommands(AdminCommandRunner admin, String resource) {
        try (var in = Launcher.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] words = line.trim().split("\\s+");
                if (!words[0].isEmpty() && !words[0].startsWith("#")) {
                    admin.run(words[0], Arrays.copyOfRange(words, 1, words.length));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(PayaraMicroRuntime runtime, EmbeddedDatabase database) {
        try {
            runtime.shutdown();
        } catch (Exception e) {
            System.err.println("Payara Micro did not stop cleanly: " + e);
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
        }
    }

    private static boolean awaitHealthy(URI health) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * Payara's scratch directory, emptied first: Micro would otherwise redeploy what the last run left there, next
     * to this run's deployment.
     */
    private static Path freshDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
