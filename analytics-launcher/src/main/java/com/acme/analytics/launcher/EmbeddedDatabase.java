package com.acme.analytics.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL that {@code ./run.sh} starts when no database is configured: a real server from a Maven
 * artifact, with its data kept under the data directory across restarts.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Duration STALE_SERVER_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on its data directory, first stopping a server left running on it by a process that was
     * killed (PostgreSQL outlives a {@code kill -9} of the JVM that started it).
     *
     * @param port the port, 0 for any free one
     */
    static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        stopLeftoverServer(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // The launcher stops the database itself, after Payara: a hook of its own would race the flush.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // The library starts PostgreSQL as a throwaway test database: fsync off (-F) and asynchronous
                // commits. Here it holds acknowledged events, which must survive a crash of the database or the
                // machine, so both go back to PostgreSQL's defaults (the -c options come after -F and win).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedDatabase(builder.start());
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String user() {
        return "postgres";
    }

    private static void stopLeftoverServer(Path dataDirectory) throws IOException, InterruptedException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (server.isEmpty()) {
            return;
        }
        System.out.println("Stopping the PostgreSQL server left running on " + dataDirectory);
        // SIGINT is PostgreSQL's fast shutdown: it does not wait for the dead process's connections.
        new ProcessBuilder("kill", "-INT", Long.toString(server.get().pid())).inheritIO().start().waitFor();
        Instant deadline = Instant.now().plus(STALE_SERVER_STOP_TIMEOUT);
        while (server.get().isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
