package io.consultdesk.query.publication;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The layout the table is published in as plain text: three empty lines, 附件, an empty line, the heading,
 * the header fields, then each row after an empty line, every field on its own line led by a tab;
 * paragraphs inside a field stay separated by an empty line; the text ends with four line breaks.
 */
public final class PlainTextTableWriter implements TableWriter {

    @Override
    public String contentType() {
        return "text/plain;charset=UTF-8";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void write(TableVersion table, RowSource rows, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("\n\n\n附件\n\n" + table.heading() + "\n");
        w.write("\t" + HEADER_SERIAL + "\n\t" + HEADER_SUBMITTER + "\n\t" + HEADER_OPINION + "\n\t" + HEADER_DECISION + "\n");
        try {
            rows.forEach(row -> {
                try {
                    w.write("\n\t" + row.rowNumber() + "\n\t" + row.submitter() + "\n\t" + row.opinion() + "\n\t" + row.decision() + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.write("\n\n\n");
        w.flush();
    }
}
