package io.consultdesk.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV as Excel writes it (RFC 4180: quoted fields may hold commas, quotes and line breaks), UTF-8 with or
 * without a byte-order mark. The first record that reads as a header (see {@link TableColumns}) is the
 * header; title lines above it are skipped. Read record by record, so a large file is never held whole.
 */
public final class CsvTableReader implements TableReader {

    private static final int MAX_FIELD = 100_000;

    private final ColumnMapping mapping;

    public CsvTableReader() {
        this(ColumnMapping.NONE);
    }

    public CsvTableReader(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public TableColumns read(InputStream in, Consumer<TableRow> sink) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        HeaderSearch search = new HeaderSearch(mapping);
        TableColumns columns = null;
        int position = 0;
        List<String> record;
        while ((record = nextRecord(reader)) != null) {
            if (columns == null) {
                columns = search.offer(record.stream().map(f -> f.replace("\uFEFF", "")).toList(), "CSV");
                continue;
            }
            TableColumns twoRows = search.subHeader(record);
            if (twoRows != null) {
                columns = twoRows;
                continue;
            }
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            sink.accept(columns.row(++position, record));
        }
        if (columns == null) {
            throw search.failure("CSV");
        }
        return columns;
    }

    /** The next record, or null at the end of input. */
    static List<String> nextRecord(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (field.length() > MAX_FIELD) {
                throw new MalformedTable("a CSV field is longer than " + MAX_FIELD + " characters");
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(stripCr(field));
                return fields;
            } else {
                field.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        if (quoted) {
            throw new MalformedTable("the CSV ends inside a quoted field");
        }
        fields.add(stripCr(field));
        return fields;
    }

    private static String stripCr(StringBuilder field) {
        int end = field.length();
        return end > 0 && field.charAt(end - 1) == '\r' ? field.substring(0, end - 1) : field.toString();
    }
}
