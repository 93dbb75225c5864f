package org.omnitill.tax.canada.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the bundle's CSV data: a header line, {@code #} comments, blank lines, trimmed fields.
 * Every problem is an {@link IllegalArgumentException} naming the source and line.
 */
final class CsvData {

    /** Turns one record into a row, or throws an {@link IllegalArgumentException} starting with {@code where}. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(CSVRecord record, String where);
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private CsvData() {
    }

    /** Opens a resource next to this class (inside the bundle) and reads it. */
    static <T> List<T> resource(String name, List<String> header, RowReader<T> rows) {
        try (InputStream in = CsvData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the bundle");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), name, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static <T> List<T> read(Reader reader, String source, List<String> header, RowReader<T> rows) throws IOException {
        List<T> result = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(reader)) {
            List<String> found = parser.getHeaderNames();
            if (!header.equals(found)) {
                throw new IllegalArgumentException(source + ": expected the columns " + header + " but found " + found);
            }
            for (CSVRecord record : parser) {
                String where = source + " line " + parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new IllegalArgumentException(
                            where + ": expected " + header.size() + " columns, found " + record.size());
                }
                result.add(rows.read(record, where));
            }
        }
        return result;
    }

    static LocalDate date(String value, String where) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not an ISO date", e);
        }
    }

    static BigDecimal decimal(String value, String where) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a plain decimal", e);
        }
    }

    static IllegalArgumentException invalid(String where, String problem) {
        return new IllegalArgumentException(where + ": " + problem);
    }
}
