package io.consultdesk.query.publication;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An XLSX workbook: sheet 采纳情况表 with the header row and one row per published row (written through
 * POI's streaming workbook, so memory stays flat however long the table), and sheet 汇总 with the totals.
 */
public final class XlsxTableWriter implements TableWriter {

    @Override
    public String contentType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public void write(TableVersion table, RowSource rows, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet("采纳情况表");
            sheet.setColumnWidth(0, 8 * 256);
            sheet.setColumnWidth(1, 30 * 256);
            sheet.setColumnWidth(2, 80 * 256);
            sheet.setColumnWidth(3, 50 * 256);
            Row header = sheet.createRow(0);
            String[] titles = {HEADER_SERIAL, HEADER_SUBMITTER, HEADER_OPINION, HEADER_DECISION};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
                header.getCell(i).setCellStyle(bold);
            }
            int[] next = {1};
            rows.forEach(r -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(r.rowNumber());
                row.createCell(1).setCellValue(r.submitter());
                row.createCell(2).setCellValue(r.opinion());
                row.createCell(3).setCellValue(r.decision());
                for (int i = 1; i < 4; i++) {
                    row.getCell(i).setCellStyle(wrap);
                }
            });
            Sheet summary = workbook.createSheet("汇总");
            summary.createRow(0).createCell(0).setCellValue(table.heading() + "（第" + table.version() + "版）");
            summary.createRow(1).createCell(0).setCellValue(table.totalsLine());
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }
}
