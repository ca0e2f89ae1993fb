package io.consultdesk.command.importing;

/**
 * How to read and take in one table: {@code mapping} names columns it cannot recognise; {@code dryRun}
 * records nothing; {@code published}: the table was already published, so its names are public and kept
 * exactly as written and its 序号 kept in the consultation's table; {@code fillDown}: a blank 采纳情况 under
 * a decided row takes that row's (a merged cell flattened into a CSV).
 */
public record ImportOptions(ColumnMapping mapping, boolean dryRun, boolean published, boolean fillDown) {

    public ImportOptions {
        mapping = mapping == null ? ColumnMapping.NONE : mapping;
    }

    public static ImportOptions of(ColumnMapping mapping, boolean dryRun) {
        return new ImportOptions(mapping, dryRun, false, false);
    }
}
