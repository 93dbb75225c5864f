package org.omnitill.tax.indiagst.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Reading the CSV data files of this bundle: '#' comments, a header row, values trimmed. */
final class DataFiles {

    /** Turns the text of a data file into its table. */
    interface TableReader<T> {
        T read(Reader reader, String source) throws IOException;
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true)
            .get();

    private DataFiles() {
    }

    /** Reads a resource next to this class with the given reader. */
    static <T> T load(String resource, TableReader<T> tableReader) {
        try (InputStream in = DataFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            return tableReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Opens a data file whose header must be exactly {@code header}.
     *
     * @throws IllegalArgumentException naming {@code source} if the header differs
     */
    static CSVParser open(Reader reader, String source, List<String> header) throws IOException {
        CSVParser parser = FORMAT.parse(reader);
        if (!parser.getHeaderNames().equals(header)) {
            parser.close();
            throw new IllegalArgumentException(source + ": expected the columns " + String.join(",", header) + ", found "
                    + parser.getHeaderNames());
        }
        return parser;
    }
}
