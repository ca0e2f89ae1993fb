package io.consultdesk.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The plain-text layout of a published table: title lines, then a header of tab-led lines (序号,
 * 反馈单位或个人, 反馈意见, 采纳情况, or any headers {@link TableColumns} recognises), then rows. Every field
 * starts on a new line with a tab; a line without a tab continues the field before it (after an empty
 * line, as a new paragraph); an empty line between a finished row and the next tab-led line separates rows.
 */
public final class PlainTextTableReader implements TableReader {

    private final ColumnMapping mapping;

    public PlainTextTableReader() {
        this(ColumnMapping.NONE);
    }

    public PlainTextTableReader(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    /** The tab-led layout, or, when no line starts with a tab, comments written as labelled paragraphs ({@link NarrativeReader}). */
    @Override
    public TableColumns read(InputStream in, Consumer<TableRow> sink) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!text.replace("\uFEFF", "").isBlank() && text.lines().noneMatch(l -> l.replace("\uFEFF", "").startsWith("\t"))) {
            return new NarrativeReader().read(text, sink);
        }
        BufferedReader lines = new BufferedReader(new StringReader(text));
        TableColumns columns = null;
        List<String> header = new ArrayList<>();
        List<StringBuilder> fields = new ArrayList<>();
        boolean anyText = false;
        int blankLines = 0;
        int position = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            line = line.replace("\uFEFF", "");
            anyText |= !line.isBlank();
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
            columns = headerOrFail(header);
        }
        if (columns == null) {
            throw new MalformedTable(anyText
                    ? "no header found: expected tab-led lines naming the columns (序号, 反馈单位或个人, 反馈意见, 采纳情况 …)"
                    : "the text file is empty: it holds no rows at all");
        }
        if (!fields.isEmpty()) {
            sink.accept(fields.size() == columns.width()
                    ? columns.row(++position, texts(fields))
                    : TableRow.broken(++position, "the last row has " + fields.size() + " field(s), the header " + columns.width()));
        }
        return columns;
    }

    private TableColumns headerOrFail(List<String> header) {
        TableColumns columns = TableColumns.ofHeader(header, mapping);
        if (columns == null) {
            throw new MalformedTable("the header " + header + " is not one ConsultDesk reads: " + TableColumns.missing(header, mapping));
        }
        return columns;
    }

    private static List<String> texts(List<StringBuilder> fields) {
        return fields.stream().map(StringBuilder::toString).toList();
    }
}
