import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load side of bench/jobs, in its own JVM:
 * <ul>
 *   <li>{@code generate FILE MB}: a CSV of 20 mixed columns (integers, decimals, booleans, dates, datetimes,
 *       categories, free text, nulls, zeros) of about MB megabytes, from a fixed seed;</li>
 *   <li>{@code parse FILE}: FastCSV alone reading every record and touching every field (the baseline);</li>
 *   <li>{@code job BASE TOKEN FILE}: uploads the file as text/csv, follows the job to its end, and prints the
 *       whole job's rate, from the first byte sent to {@code done}.</li>
 * </ul>
 */
public class JobsBench {

    private static final String HEADER = "id,user_id,amount,price,quantity,discount,score,ratio,paid,created_on,"
            + "created_at,city,country,status,channel,email,comment,latitude,longitude,refunds";
    private static final String[] CITIES = new String[60];
    private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "NL", "ES", "IT", "PL", "SE", "JP"};
    private static final String[] STATUSES = {"new", "paid", "shipped", "returned"};
    private static final String[] CHANNELS = {"web", "app", "store"};
    private static final String[] WORDS = {"fast", "late", "broken", "great", "box", "refund", "colour", "size",
        "again", "never", "gift", "\"quoted\"", "comma, inside"};

    static {
        for (int i = 0; i < CITIES.length; i++) {
            CITIES[i] = "city_" + i;
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]) * 1024 * 1024);
            case "parse" -> parse(Path.of(args[1]));
            case "job" -> job(URI.create(args[1]), args[2], Path.of(args[3]));
            default -> throw new IllegalArgumentException("generate | parse | job");
        }
    }

    private static void generate(Path file, long bytes) throws IOException {
        SplittableRandom r = new SplittableRandom(42);
        LocalDate start = LocalDate.of(2025, 1, 1);
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder b = new StringBuilder(512);
            long written = HEADER.length() + 1;
            while (written < bytes) {
                b.setLength(0);
                LocalDate day = start.plusDays(r.nextInt(700));
                b.append(rows).append(',')
                        .append(r.nextInt(2_000_000)).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", Math.exp(r.nextDouble() * 8))).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", 5 + r.nextDouble() * 995)).append(',')
                        .append(1 + r.nextInt(12)).append(',')
                        .append(r.nextInt(10) < 7 ? "0" : String.format(Locale.ROOT, "%.1f", r.nextDouble() * 30))
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.4f", gaussian(r))).append(',')
                        .append(r.nextInt(10) == 0 ? "" : String.format(Locale.ROOT, "%.3f", r.nextDouble()))
                        .append(',')
                        .append(r.nextBoolean()).append(',')
                        .append(day).append(',')
                        .append(day).append('T').append(String.format(Locale.ROOT, "%02d:%02d:%02dZ",
                                r.nextInt(24), r.nextInt(60), r.nextInt(60))).append(',')
                        .append(CITIES[r.nextInt(CITIES.length)]).append(',')
                        .append(COUNTRIES[r.nextInt(COUNTRIES.length)]).append(',')
                        .append(STATUSES[r.nextInt(STATUSES.length)]).append(',')
                        .append(CHANNELS[r.nextInt(CHANNELS.length)]).append(',')
                        .append("user").append(r.nextInt(5_000_000)).append("@example.com").append(',');
                comment(b, r);
                b.append(',').append(String.format(Locale.ROOT, "%.5f", -90 + r.nextDouble() * 180)).append(',')
                        .append(String.format(Locale.ROOT, "%.5f", -180 + r.nextDouble() * 360)).append(',')
                        .append(r.nextInt(50) == 0 ? 1 : 0).append('\n');
                w.append(b);
                written += b.length();
                rows++;
            }
        }
        System.out.printf(Locale.ROOT, "generated rows=%d bytes=%d%n", rows, Files.size(file));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static void comment(StringBuilder b, SplittableRandom r) {
        int n = r.nextInt(4);
        if (n == 0) {
            return;
        }
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < n; i++) {
            c.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        String text = c.toString();
        if (text.indexOf('"') >= 0 || text.indexOf(',') >= 0) {
            b.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            b.append(text);
        }
    }

    private static void parse(Path file) throws IOException {
        long started = System.nanoTime();
        long rows = 0;
        long chars = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord record : csv) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    chars += record.getField(i).length();
                }
                rows++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "parse rows=%d chars=%d seconds=%.1f parse_mb_per_s=%.1f%n", rows, chars,
                seconds, Files.size(file) / 1048576.0 / seconds);
    }

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern JOB_ID = Pattern.compile("\"job_id\"\\s*:\\s*\"([0-9a-f-]+)\"");

    private static void job(URI base, String token, Path file) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base.resolve("api/jobs?name=bench.csv"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        double uploaded = (System.nanoTime() - started) / 1e9;
        Matcher id = JOB_ID.matcher(accepted.body());
        id.find();
        HttpRequest poll = HttpRequest.newBuilder(base.resolve("api/jobs/" + id.group(1)))
                .header("Authorization", "Bearer " + token).build();
        String body;
        String status;
        do {
            Thread.sleep(200);
            body = http.send(poll, HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = STATUS.matcher(body);
            status = m.find() ? m.group(1) : "?";
        } while (status.equals("queued") || status.equals("running"));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!status.equals("done")) {
            throw new IllegalStateException("the job ended " + status + ": " + body);
        }
        System.out.printf(Locale.ROOT, "job upload_seconds=%.1f seconds=%.1f job_mb_per_s=%.1f%n", uploaded,
                seconds, Files.size(file) / 1048576.0 / seconds);
        Files.writeString(Path.of(file + ".job.json"), body);
    }
}
