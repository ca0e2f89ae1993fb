package io.consultdesk.command.importing;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The first sheet of an XLSX workbook; the first row that reads as a header (see {@link TableColumns}) is
 * the header. A cell merged down over several rows (one 采纳情况 for a group of comments, one unit for
 * several of its opinions) holds its text for every row it covers; a merge across columns only in its first.
 * Zip bombs are refused by POI's inflate-ratio and entry-size guards, set strictly here.
 */
public final class XlsxTableReader implements TableReader {

    static {
        guardZipBombs();
    }

    /** POI's zip guards, set strictly for every OOXML file an import opens (XLSX, DOCX). */
    static void guardZipBombs() {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
    }

    private final ColumnMapping mapping;

    public XlsxTableReader() {
        this(ColumnMapping.NONE);
    }

    public XlsxTableReader(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public TableColumns read(InputStream in, Consumer<TableRow> sink) throws IOException {
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<Long, String> mergedDown = mergedDown(sheet, formatter);
            HeaderSearch search = new HeaderSearch(mapping);
            TableColumns columns = null;
            int position = 0;
            for (Row row : sheet) {
                int width = Math.max(row.getLastCellNum(), columns == null ? 0 : columns.width());
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    String text = cell == null ? "" : formatter.formatCellValue(cell);
                    if (text.isEmpty()) {
                        text = mergedDown.getOrDefault(key(row.getRowNum(), i), "");
                    }
                    cells.add(text);
                }
                TableColumns twoRows = columns == null ? null : search.subHeader(cells);
                if (columns == null) {
                    columns = search.offer(cells, "first sheet");
                } else if (twoRows != null) {
                    columns = twoRows;
                } else if (!cells.stream().allMatch(String::isBlank)) {
                    sink.accept(columns.row(++position, cells));
                }
            }
            if (columns == null) {
                throw search.failure("first sheet");
            }
            return columns;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedTable) {
                throw e;
            }
            throw new MalformedTable("not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    /** The text of each merged region's top cell, keyed by the cells below it in its first column. */
    private static Map<Long, String> mergedDown(Sheet sheet, DataFormatter formatter) {
        Map<Long, String> texts = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getLastRow() == region.getFirstRow()) {
                continue;
            }
            Row top = sheet.getRow(region.getFirstRow());
            Cell cell = top == null ? null : top.getCell(region.getFirstColumn());
            String text = cell == null ? "" : formatter.formatCellValue(cell);
            for (int r = region.getFirstRow() + 1; r <= region.getLastRow(); r++) {
                texts.put(key(r, region.getFirstColumn()), text);
            }
        }
        return texts;
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }
}
