package com.acme.analytics.ingest.jobs.profile;

import com.acme.analytics.ingest.jobs.CsvAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @TempDir
    Path dir;

    private Path generated() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(i).append(",v").append(i % 9).append('\n');
        }
        return Files.writeString(dir.resolve("p.csv"), csv);
    }

    @Test
    void shouldReportStagesInOrderWithPercentNeverFalling() throws Exception {
        Profiles.Recording progress = new Profiles.Recording(-1);
        new CsvProfiler(ProfileLimits.defaults()).analyse(CsvAnalysis.Upload.of(generated()), progress);
        List<String> stages = progress.reports.stream().map(Profiles.Report::stage).distinct().toList();
        assertEquals(List.of("parsing", "profiling", "correlating"), stages);
        int last = 0;
        for (Profiles.Report r : progress.reports) {
            assertTrue(r.percent() >= last && r.percent() <= 99, "percent " + r.percent() + " after " + last);
            last = r.percent();
        }
        assertTrue(progress.reports.size() > 50, "about every 1,024 rows: " + progress.reports.size());
        assertTrue(progress.reports.stream().anyMatch(r -> r.stage().equals("profiling") && r.percent() > 80));
    }

    @Test
    void shouldStopAtTheNextRowOnceCancelled() throws Exception {
        Profiles.Recording progress = new Profiles.Recording(5);
        Path file = generated();
        assertThrows(CancellationException.class,
                () -> new CsvProfiler(ProfileLimits.defaults()).analyse(CsvAnalysis.Upload.of(file), progress));
        assertEquals(6, progress.reports.size(), "nothing reported after the cancellation was seen");
    }
}
