package com.acme.analytics.access.workspaces;

import com.acme.analytics.access.Role;
import com.acme.analytics.access.Tokens;
import com.acme.analytics.access.WriteKeys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The demo credentials of {@code ./run.sh}. When {@code analytics.security.bootstrap-file} names a file, every start
 * makes sure a demo workspace with an active write key exists, issues a fresh admin token for it and a fresh
 * operator token, and writes all four to that file (owner-only permissions) for the launcher to print. The write
 * key's secret is known only when it is created, so the file is also where it is kept across restarts; when the
 * key in the file was revoked, a new one is created. Off (no file) unless configured: a production deployment
 * creates its workspaces through the operator API.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoWorkspace {

    private static final Logger LOG = Logger.getLogger(DemoWorkspace.class.getName());

    @Inject
    @ConfigProperty(name = "analytics.security.bootstrap-file")
    Optional<String> file;
    @Inject
    @ConfigProperty(name = "analytics.security.bootstrap-token-ttl-seconds")
    long tokenTtlSeconds;
    @Inject
    Workspaces workspaces;
    @Inject
    WriteKeys writeKeys;
    @Inject
    Tokens tokens;
    private volatile String workspaceId;

    @PostConstruct
    void bootstrap() {
        if (file.isEmpty() || file.get().isBlank()) {
            return;
        }
        try {
            write(Path.of(file.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("The demo workspace could not be prepared", e);
        }
    }

    /** The demo workspace of this start, or empty when there is none (no bootstrap file configured). */
    public Optional<String> workspaceId() {
        return Optional.ofNullable(workspaceId);
    }

    private void write(Path path) throws IOException, SQLException {
        Properties demo = new Properties();
        if (Files.exists(path)) {
            try (Reader in = Files.newBufferedReader(path)) {
                demo.load(in);
            }
        }
        String workspaceId = demo.getProperty("workspace");
        String writeKey = demo.getProperty("writeKey");
        if (workspaceId == null || workspaces.find(workspaceId).isEmpty()) {
            Workspaces.Created created = workspaces.create("Demo");
            workspaceId = created.workspace().id();
            writeKey = created.writeKey().secret();
        } else if (writeKey == null || !writeKeys.isActive(workspaceId, writeKey)) {
            writeKey = writeKeys.create(workspaceId).secret();
        }
        Duration ttl = Duration.ofSeconds(tokenTtlSeconds);
        demo.setProperty("workspace", workspaceId);
        demo.setProperty("writeKey", writeKey);
        demo.setProperty("token", tokens.issue(workspaceId, Role.ADMIN, ttl).token());
        demo.setProperty("operatorToken", tokens.issueOperator(ttl).token());

        Files.createDirectories(path.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), ".credentials", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.warning("Cannot restrict the permissions of " + path + " on this file system");
        }
        try (Writer out = Files.newBufferedWriter(temp)) {
            demo.store(out, "Demo credentials of ./run.sh; keep private");
        }
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        this.workspaceId = workspaceId;
        LOG.info("Demo workspace " + workspaceId + " ready; its credentials are in " + path);
    }
}
