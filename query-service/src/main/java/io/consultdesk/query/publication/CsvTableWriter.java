package io.consultdesk.query.publication;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** UTF-8 CSV with a byte-order mark (so that Excel opens Chinese text right), CRLF records, RFC 4180 quoting. */
public final class CsvTableWriter implements TableWriter {

    @Override
    public String contentType() {
        return "text/csv;charset=UTF-8";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(TableVersion table, RowSource rows, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        w.write(String.join(",", HEADER_SERIAL, HEADER_SUBMITTER, HEADER_OPINION, HEADER_DECISION) + "\r\n");
        try {
            rows.forEach(row -> {
                try {
                    w.write(row.rowNumber() + "," + quote(row.submitter()) + "," + quote(row.opinion()) + ","
                            + quote(row.decision()) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    /**
     * Quotes every text field; a leading =, +, -, @, TAB or CR is prefixed with ' so that spreadsheets never
     * run it as a formula (a TAB or CR in front is how formula injection slips past checks of the first four).
     */
    static String quote(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
