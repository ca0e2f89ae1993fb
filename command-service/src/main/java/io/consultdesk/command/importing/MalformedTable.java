package io.consultdesk.command.importing;

/** The file as a whole cannot be read as a table (no header, broken XLSX …). */
public class MalformedTable extends RuntimeException {

    public MalformedTable(String message) {
        super(message);
    }

    public MalformedTable(String message, Throwable cause) {
        super(message, cause);
    }
}
