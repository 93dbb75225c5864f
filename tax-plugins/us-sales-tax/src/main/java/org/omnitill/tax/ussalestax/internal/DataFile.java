package org.omnitill.tax.ussalestax.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading of the bundled CSV files: {@code #} comments, a header row that must match, trimmed
 * values. Every error names the file and line, as an {@link IllegalArgumentException}.
 */
final class DataFile {

    static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Receives one data row and the "file line N" text errors about it start with. */
    interface Rows {
        void row(CSVRecord record, String where);
    }

    private DataFile() {
    }

    static void read(Reader reader, String source, List<String> columns, Rows rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setTrim(true).setIgnoreEmptyLines(true)
                .setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!columns.equals(header)) {
                throw new IllegalArgumentException(source + ": the header must be " + columns + ", not " + header);
            }
            for (Iterator<CSVRecord> records = parser.iterator(); records.hasNext();) {
                CSVRecord record = records.next();
                String where = source + " line " + parser.getCurrentLineNumber();
                if (record.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            where + ": " + record.size() + " columns where " + columns.size() + " are expected");
                }
                rows.row(record, where);
            }
        }
    }

    static String state(CSVRecord record, String where) {
        return matching(record, "state", STATE, "an upper-case two-letter state code", where);
    }

    static String matching(CSVRecord record, String column, Pattern pattern, String what, String where) {
        String value = record.get(column);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(where + ": " + column + " '" + value + "' is not " + what);
        }
        return value;
    }

    static LocalDate date(CSVRecord record, String where) {
        String value = record.get("effective_from");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not an ISO date", e);
        }
    }

    /** A rate in percent below 100: at least 0 if {@code zeroAllowed}, else above 0. */
    static BigDecimal percent(CSVRecord record, boolean zeroAllowed, String where) {
        String value = record.get("rate_percent");
        BigDecimal percent;
        try {
            percent = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not a decimal rate", e);
        }
        boolean tooLow = zeroAllowed ? percent.signum() < 0 : percent.signum() <= 0;
        if (tooLow || percent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException(where + ": rate " + percent.toPlainString() + " is out of range (must be "
                    + (zeroAllowed ? "at least 0" : "above 0") + " and below 100)");
        }
        return percent;
    }
}
