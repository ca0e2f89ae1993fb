package io.consultdesk.command.importing;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do): rows read, items received, decided, already present,
 * and every refused row with its position and reason (the first 1,000 listed; {@code refusedCount} counts all).
 */
public record ImportReport(
        String file,
        boolean dryRun,
        int rows,
        int received,
        int decided,
        int alreadyPresent,
        int refusedCount,
        List<RefusedRow> refused,
        long millis) {

    /** One row that was not imported, and why. */
    public record RefusedRow(int row, String serial, String reason) {
    }
}
