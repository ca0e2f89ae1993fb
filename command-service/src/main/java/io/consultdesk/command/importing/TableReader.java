package io.consultdesk.command.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;

/** Reads the rows of one table format, handing each to {@code sink} as it goes (no whole-file buffering where the format allows). */
public interface TableReader {

    /** Reads every row into {@code sink}; returns the header it found, column by column with its role. */
    TableColumns read(InputStream in, Consumer<TableRow> sink) throws IOException;

    /** The reader for a file name: .txt (the published plain-text layout or a narrative), .csv, .xlsx, .docx. */
    static TableReader forFile(String fileName) {
        return forFile(fileName, ColumnMapping.NONE);
    }

    /** The reader for a file name, with the roles of headers it cannot recognise. */
    static TableReader forFile(String fileName, ColumnMapping mapping) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return new CsvTableReader(mapping);
        }
        if (name.endsWith(".xlsx")) {
            return new XlsxTableReader(mapping);
        }
        if (name.endsWith(".docx")) {
            return new DocxTableReader(mapping);
        }
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return new PlainTextTableReader(mapping);
        }
        throw new UnsupportedTableFormat(fileName);
    }

    /** A file whose format ConsultDesk cannot read. */
    class UnsupportedTableFormat extends RuntimeException {
        public UnsupportedTableFormat(String fileName) {
            super("'" + fileName + "' is not a table ConsultDesk reads: use .txt (the published layout, or labelled paragraphs), .csv, .xlsx or .docx (a .doc must be saved as .docx first)");
        }
    }
}
