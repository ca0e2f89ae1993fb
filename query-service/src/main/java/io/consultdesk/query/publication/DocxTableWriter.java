package io.consultdesk.query.publication;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;

import java.io.IOException;
import java.math.BigInteger;
import java.io.OutputStream;

/**
 * A Word document shaped like the published attachment: 附件, the heading, and a four-column table whose
 * header row repeats on every page; a cell's paragraphs stay paragraphs. Totals follow the table.
 */
public final class DocxTableWriter implements TableWriter {

    /** 序号, submitter, opinion, decision: 9,000 twips in all. */
    private static final int[] COLUMN_WIDTHS = {700, 1800, 3700, 2800};

    @Override
    public String contentType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public void write(TableVersion table, RowSource rows, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            text(doc.createParagraph(), "附件", false, 16);
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            text(heading, table.heading(), true, 22);

            XWPFTable grid = doc.createTable(1, 4);
            grid.setWidth("100%");
            // strict readers require the grid: the four columns' widths in twentieths of a point (A4 text width)
            CTTblGrid columns = grid.getCTTbl().getTblGrid() != null ? grid.getCTTbl().getTblGrid() : grid.getCTTbl().addNewTblGrid();
            while (columns.sizeOfGridColArray() > 0) {
                columns.removeGridCol(0);
            }
            for (int width : COLUMN_WIDTHS) {
                columns.addNewGridCol().setW(BigInteger.valueOf(width));
            }
            XWPFTableRow header = grid.getRow(0);
            header.setRepeatHeader(true);
            String[] titles = {HEADER_SERIAL, HEADER_SUBMITTER, HEADER_OPINION, HEADER_DECISION};
            for (int i = 0; i < 4; i++) {
                cell(header.getCell(i), titles[i], true);
            }
            rows.forEach(r -> {
                XWPFTableRow row = grid.createRow();
                cell(row.getCell(0), String.valueOf(r.rowNumber()), false);
                cell(row.getCell(1), r.submitter(), false);
                cell(row.getCell(2), r.opinion(), false);
                cell(row.getCell(3), r.decision(), false);
            });
            text(doc.createParagraph(), table.totalsLine(), false, 12);
            doc.write(out);
        }
    }

    /** Fills a cell, one Word paragraph per paragraph of the text. */
    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        String[] paragraphs = (text == null ? "" : text).split("\n\n", -1);
        XWPFParagraph first = cell.getParagraphs().get(0);
        text(first, paragraphs[0], bold, 10);
        for (int i = 1; i < paragraphs.length; i++) {
            text(cell.addParagraph(), paragraphs[i], bold, 10);
        }
    }

    private static void text(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        // the run properties in the schema's order (fonts, bold, size): strict readers refuse any other
        run.setFontFamily("SimSun");
        run.setBold(bold);
        run.setFontSize(size);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }
}
