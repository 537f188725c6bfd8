package com.acme.analytics.ingest.jobs.profile;

import com.acme.analytics.ingest.jobs.MalformedCsvException;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of the first record, refused when they are not names: blank, duplicated, or all numbers. */
record Header(List<String> names) {

    static Header of(CsvRecord first) throws MalformedCsvException {
        long line = first.getStartingLineNumber();
        List<String> names = first.getFields().stream().map(String::strip).toList();
        Map<String, Integer> seen = new HashMap<>();
        boolean allNumbers = true;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new MalformedCsvException(line, "no header: column " + (i + 1) + " has no name");
            }
            Integer earlier = seen.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new MalformedCsvException(line, "duplicate column name '" + name + "' (columns " + earlier
                        + " and " + (i + 1) + ")");
            }
            allNumbers &= (Kinds.of(name) & Kinds.DECIMAL) != 0;
        }
        if (allNumbers) {
            throw new MalformedCsvException(line, "no header: the first row holds numbers ('" + names.get(0)
                    + "', ...), not column names");
        }
        return new Header(names);
    }
}
