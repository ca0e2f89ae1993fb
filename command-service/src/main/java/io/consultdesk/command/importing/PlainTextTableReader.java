package io.consultdesk.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The plain-text layout of a published table: title lines, then a header of tab-led lines (序号,
 * 反馈单位或个人, 反馈意见, 采纳情况), then rows. Every field starts on a new line with a tab; a line without
 * a tab continues the field before it (after an empty line, as a new paragraph); an empty line between a
 * finished row and the next tab-led line separates rows.
 */
public final class PlainTextTableReader implements TableReader {

    @Override
    public void read(InputStream in, Consumer<TableRow> sink) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        TableColumns columns = null;
        List<String> header = new ArrayList<>();
        List<StringBuilder> fields = new ArrayList<>();
        int blankLines = 0;
        int position = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            line = line.replace("\uFEFF", "");
            if (columns == null) {
                if (line.startsWith("\t")) {
                    header.add(line.strip());
                } else if (!header.isEmpty()) {
                    columns = headerOrFail(header);
                }
                if (columns == null) {
                    continue;
                }
            }
            if (line.isEmpty()) {
                blankLines++;
                continue;
            }
            if (line.startsWith("\t")) {
                if (fields.size() == columns.width()) {
                    sink.accept(columns.row(++position, texts(fields)));
                    fields.clear();
                }
                fields.add(new StringBuilder(line.substring(1)));
            } else if (fields.isEmpty()) {
                // text between the header and the first row: not part of any field
                continue;
            } else {
                fields.get(fields.size() - 1).append(blankLines > 0 ? "\n\n" : "\n").append(line);
            }
            blankLines = 0;
        }
        if (columns == null && !header.isEmpty()) {
            headerOrFail(header);
        }
        if (columns == null) {
            throw new MalformedTable("no header found: expected tab-led lines 序号, 反馈单位或个人, 反馈意见, 采纳情况");
        }
        if (!fields.isEmpty()) {
            sink.accept(fields.size() == columns.width()
                    ? columns.row(++position, texts(fields))
                    : TableRow.broken(++position, "the last row has " + fields.size() + " field(s), the header " + columns.width()));
        }
    }

    private static TableColumns headerOrFail(List<String> header) {
        TableColumns columns = TableColumns.ofHeader(header);
        if (columns == null) {
            throw new MalformedTable("the header " + header + " does not name 反馈单位或个人 and 反馈意见");
        }
        return columns;
    }

    private static List<String> texts(List<StringBuilder> fields) {
        return fields.stream().map(StringBuilder::toString).toList();
    }
}
