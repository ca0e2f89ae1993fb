package io.consultdesk.command.importing;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Word document (.docx), as 采纳情况表 are mostly published. The first table that has a header row (see
 * {@link TableColumns}) is the table; the tables after it with as many columns continue it (a table broken
 * across pages by hand) — one with another number of columns is another table, reported and not read — and a
 * row that repeats the header (Word's "repeat as header row", or the header typed again on a new page)
 * is skipped wherever it stands. A cell merged down (vMerge) holds its text for every row it covers; a cell
 * spanning columns (gridSpan) counts for each column it spans, its text in the first. Paragraphs of a cell
 * are joined by a blank line, line breaks within one kept as line ends — as ConsultDesk's own DOCX export
 * writes them. A document without such a table is read as a narrative ({@link NarrativeReader}) from its
 * paragraphs.
 */
public final class DocxTableReader implements TableReader {

    static {
        XlsxTableReader.guardZipBombs();
    }

    private final ColumnMapping mapping;

    public DocxTableReader(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public TableColumns read(InputStream in, Consumer<TableRow> sink) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(in)) {
            return read(doc, sink);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedTable) {
                throw e;
            }
            throw new MalformedTable("not a readable DOCX document: " + e.getMessage(), e);
        }
    }

    private TableColumns read(XWPFDocument doc, Consumer<TableRow> sink) {
        TablesRead read = new TablesRead(new HeaderSearch(mapping), sink);
        List<String> paragraphs = new ArrayList<>();
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                paragraphs.add(p.getText());
            } else if (element instanceof XWPFTable table) {
                read.table(table);
            }
        }
        if (read.columns != null) {
            return read.columns;
        }
        if (paragraphs.stream().anyMatch(p -> !p.isBlank())) {
            return new NarrativeReader().read(String.join("\n", paragraphs), sink);
        }
        throw new MalformedTable("the document is empty: it holds no table and no text");
    }

    /** The document's tables, one after another: the header once found, the rows sent so far. */
    private static final class TablesRead {
        private final HeaderSearch search;
        private final Consumer<TableRow> sink;
        /** The header's rows (one, or two): a row equal to one of them later is the header repeated. */
        private final Set<List<String>> headerRows = new HashSet<>();
        private TableColumns columns;
        private int position;
        private int tables;

        TablesRead(HeaderSearch search, Consumer<TableRow> sink) {
            this.search = search;
            this.sink = sink;
        }

        void table(XWPFTable table) {
            tables++;
            Map<Integer, String> mergedAbove = new HashMap<>();
            boolean first = columns != null; // the first row of a table after the header's: does it continue it?
            for (XWPFTableRow row : table.getRows()) {
                List<String> cells = cells(row, mergedAbove, columns == null ? 0 : columns.width());
                if (columns == null) {
                    columns = search.offer(cells, "document's tables");
                    if (columns != null) {
                        headerRows.add(normalised(cells));
                    }
                    continue;
                }
                if (first && !headerRows.contains(normalised(cells)) && widthOf(row) != columns.width()) {
                    // another table of the document (a list of attachments, a signature block), not this one continued
                    sink.accept(TableRow.broken(++position, "table " + tables + " of the document has " + widthOf(row)
                            + " columns where the table has " + columns.width() + ": not read as a part of it"));
                    return;
                }
                first = false;
                row(row, cells);
            }
        }

        /** A row after the header: the header's second row, the header repeated, blank, or a row of the table. */
        private void row(XWPFTableRow row, List<String> cells) {
            TableColumns twoRows = search.subHeader(cells);
            if (twoRows != null) {
                columns = twoRows;
                headerRows.add(normalised(cells));
                return;
            }
            if (row.isRepeatHeader() || headerRows.contains(normalised(cells)) || cells.stream().allMatch(String::isBlank)) {
                return;
            }
            sink.accept(columns.row(++position, cells));
        }
    }

    /** The row's texts by grid column: spans expanded, vertically merged cells given the text of the cell that starts the merge. */
    private static List<String> cells(XWPFTableRow row, Map<Integer, String> mergedAbove, int width) {
        List<String> cells = new ArrayList<>();
        for (XWPFTableCell cell : row.getTableCells()) {
            CTTcPr pr = cell.getCTTc().getTcPr();
            int span = pr != null && pr.getGridSpan() != null ? pr.getGridSpan().getVal().intValue() : 1;
            int column = cells.size();
            String text = text(cell);
            if (pr != null && pr.getVMerge() != null) {
                boolean restart = pr.getVMerge().getVal() == STMerge.RESTART;
                if (restart) {
                    mergedAbove.put(column, text);
                } else {
                    text = mergedAbove.getOrDefault(column, text);
                }
            } else {
                mergedAbove.remove(column);
            }
            cells.add(text);
            for (int i = 1; i < span; i++) {
                cells.add("");
            }
        }
        while (cells.size() < width) {
            cells.add("");
        }
        return cells;
    }

    /** How many grid columns a row spans. */
    private static int widthOf(XWPFTableRow row) {
        int width = 0;
        for (XWPFTableCell cell : row.getTableCells()) {
            CTTcPr pr = cell.getCTTc().getTcPr();
            width += pr != null && pr.getGridSpan() != null ? pr.getGridSpan().getVal().intValue() : 1;
        }
        return width;
    }

    private static String text(XWPFTableCell cell) {
        List<String> paragraphs = new ArrayList<>();
        for (XWPFParagraph p : cell.getParagraphs()) {
            paragraphs.add(p.getText());
        }
        // trailing empty paragraphs are Word's, not the author's
        while (paragraphs.size() > 1 && paragraphs.get(paragraphs.size() - 1).isBlank()) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        return String.join("\n\n", paragraphs);
    }

    private static List<String> normalised(List<String> cells) {
        return cells.stream().map(ColumnRole::normalise).toList();
    }
}
