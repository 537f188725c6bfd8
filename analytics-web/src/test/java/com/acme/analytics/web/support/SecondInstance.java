package com.acme.analytics.web.support;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another server process running the same application against the same database, as a second instance behind a
 * load balancer would: its own Payara Micro, started from the jar the tests use, on a free port.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process process;
    private final URL base;
    private final Path dir;

    private SecondInstance(Process process, URL base, Path dir) {
        this.process = process;
        this.base = base;
        this.dir = dir;
    }

    public static SecondInstance start(WebArchive war) throws Exception {
        Path dir = Files.createTempDirectory("analytics-second-instance");
        File file = dir.resolve("ROOT.war").toFile();
        war.as(ZipExporter.class).exportTo(file, true);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(List.of(System.getProperty("analytics.test.micro.jvm", "").trim().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--deploy", file.getPath(),
                "--port", Integer.toString(port), "--nohazelcast",
                "--prebootcommandfile", System.getProperty("analytics.test.preboot")));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        SecondInstance instance = new SecondInstance(process, new URL("http://127.0.0.1:" + port + "/"), dir);
        Client client = new Client(instance.base);
        try {
            Eventually.within(Duration.ofSeconds(300), "second instance not up (see " + dir + "/server.log)",
                    () -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("second instance exited; see " + dir + "/server.log");
                        }
                        try {
                            return client.get("health", "application/json").status() == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (Exception | AssertionError e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    public URL base() {
        return base;
    }

    /** Ends the process at once, as a crash or a lost machine would: no shutdown, leases and sockets left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
