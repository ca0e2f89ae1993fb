package io.consultdesk.command.importing;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do): the columns it used and how it read each of them,
 * the columns it ignored, rows read, items received, decided, already present, every refused row with its
 * position and reason, every warning (a blank opinion kept in place, a 序号 used twice, a blank 采纳情况
 * under a decided row …) and, for a dry run, a short preview of each row; the outcome words found with their
 * classes; whether the table was taken as published, whether its names look published (the dry run's
 * proposal) and a note on them; rows whose 采纳情况 was filled down. Lists hold the first 1,000; the counts
 * count all.
 */
public record ImportReport(
        String file,
        boolean dryRun,
        List<ColumnUse> columns,
        List<ColumnUse> ignoredColumns,
        int rows,
        int received,
        int decided,
        int alreadyPresent,
        int refusedCount,
        List<RefusedRow> refused,
        int warningCount,
        List<Warning> warnings,
        List<String> duplicateSerials,
        List<RowPreview> preview,
        long millis,
        List<OutcomeUse> vocabulary,
        boolean published,
        boolean namesLookPublished,
        String names,
        int filledDown) {

    /**
     * An outcome word the rows start their 采纳情况 with, its class (accepted, partly, not-accepted, explained),
     * how many rows use it, and whether it was new to the consultation's vocabulary (adopted by this import,
     * or for a dry run, to be).
     */
    public record OutcomeUse(String word, String outcomeClass, int rows, boolean adopted) {
    }

    /** A column of the file (counted from 1), its header, the role it was read as (null when ignored) and how it was chosen. */
    public record ColumnUse(int column, String header, String role, String how) {
    }

    /** One row that was not imported, and why. */
    public record RefusedRow(int row, String serial, String reason) {
    }

    /** A row imported (or to be) with something to look at. */
    public record Warning(int row, String serial, String warning) {
    }

    /**
     * A dry run's view of one row as read: 序号, submitter, the start of the opinion, the outcome cell and the
     * reason cell (null without a reason column), long texts cut at 40 characters with "…".
     */
    public record RowPreview(int row, String serial, String submitter, String opinion, String outcome, String reason) {
    }
}
