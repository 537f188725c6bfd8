package com.acme.analytics.ingest.jobs.profile;

import com.acme.analytics.ingest.jobs.MalformedCsvException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadFilesTest {

    @TempDir
    Path dir;

    private MalformedCsvException refused(String csv) {
        return refused(csv.getBytes(StandardCharsets.UTF_8));
    }

    private MalformedCsvException refused(byte[] csv) {
        return assertThrows(MalformedCsvException.class,
                () -> Profiles.analyse(dir, csv, ProfileLimits.defaults()));
    }

    @Test
    void rejectsAnEmptyFile() {
        assertEquals("the file is empty", refused("").getMessage());
        assertEquals("the file is empty", refused("\n\r\n  \n").getMessage());
    }

    @Test
    void rejectsAFileWithoutHeader() {
        assertEquals("line 1: no header: the first row holds numbers ('1', ...), not column names",
                refused("1,2,3\n4,5,6\n").getMessage());
        assertEquals("line 1: no header: column 2 has no name", refused("a,,c\n1,2,3\n").getMessage());
    }

    @Test
    void rejectsDuplicateColumnNames() {
        assertEquals("line 1: duplicate column name 'a' (columns 1 and 3)", refused("a,b,a\n1,2,3\n").getMessage());
    }

    @Test
    void rejectsUnbalancedQuotes() {
        MalformedCsvException atEnd = refused("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
        assertEquals(3, atEnd.line());
        assertTrue(atEnd.getMessage().contains("unbalanced quotes"), atEnd.getMessage());
        MalformedCsvException inside = refused("a,b\n1,2\n3,\"x\"y\n4,5\n");
        assertEquals(3, inside.line(), inside.getMessage());
        assertTrue(inside.getMessage().contains("unbalanced quotes"), inside.getMessage());
    }

    @Test
    void shouldAcceptQuotedFieldsSpanningLines() throws Exception {
        var insights = Profiles.analyse(dir, "a,b\n1,\"two\nlines\"\n2,\"x\"\n");
        assertEquals(2, insights.getInt("rows"));
    }

    @Test
    void rejectsRaggedRowsBeyondTheTolerance() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            csv.append("1,2,3\n");
        }
        assertEquals(100, Profiles.analyse(dir, csv.toString()).getInt("ragged_rows"), "100 are tolerated");
        csv.append("1\n");
        MalformedCsvException e = refused(csv.toString());
        assertEquals("line 102: ragged rows: 101 rows have another number of fields than the header's 2 (this one"
                + " has 1); at most 100 are tolerated", e.getMessage());
    }

    @Test
    void rejectsInvalidUtf8WithItsLine() throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.write("name,n\nb\u00e9b\u00e9,1\nok,2\n".getBytes(StandardCharsets.UTF_8));
        csv.write(new byte[] {'x', (byte) 0xc3, '(', ',', '3', '\n'});
        assertEquals("line 4: invalid UTF-8 (1 undecodable byte)", refused(csv.toByteArray()).getMessage());
    }

    @Test
    void rejectsAFieldOfTenMegabytes() {
        String huge = "y".repeat(10 * 1024 * 1024);
        MalformedCsvException e = refused("a,b\n1,2\n3," + huge + "\n");
        assertEquals("line 3: field 2 is longer than 1048576 characters", e.getMessage());
    }
}
