package io.consultdesk.command.importing;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The first sheet of an XLSX workbook; the first row naming 反馈单位或个人 and 反馈意见 is the header.
 * Zip bombs are refused by POI's inflate-ratio and entry-size guards, set strictly here.
 */
public final class XlsxTableReader implements TableReader {

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
    }

    @Override
    public void read(InputStream in, Consumer<TableRow> sink) throws IOException {
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            TableColumns columns = null;
            int position = 0;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (columns == null) {
                    columns = TableColumns.ofHeader(cells);
                } else if (!cells.stream().allMatch(String::isBlank)) {
                    sink.accept(columns.row(++position, cells));
                }
            }
            if (columns == null) {
                throw new MalformedTable("no header row naming 反馈单位或个人 and 反馈意见 was found in the first sheet");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedTable) {
                throw e;
            }
            throw new MalformedTable("not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }
}
