package io.consultdesk.command.importing;

import java.util.List;

/**
 * Looks for the header among a table's first rows (titles and notes may stand above it) and, when there is
 * none, says what the closest row lacks and how to map it.
 */
final class HeaderSearch {

    static final int MAX_ROWS_BEFORE_HEADER = 30;

    private final ColumnMapping mapping;
    private List<String> best;
    private int bestScore = -1;
    private int seen;

    HeaderSearch(ColumnMapping mapping) {
        this.mapping = mapping;
    }

    /** The header when {@code cells} is one, else null; refuses the table once too many rows were not. */
    TableColumns offer(List<String> cells, String where) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return null;
        }
        seen++;
        TableColumns columns = TableColumns.ofHeader(cells, mapping);
        if (columns != null) {
            return columns;
        }
        int score = TableColumns.score(cells, mapping);
        if (score > bestScore) {
            best = cells;
            bestScore = score;
        }
        if (seen >= MAX_ROWS_BEFORE_HEADER) {
            throw failure(where);
        }
        return null;
    }

    MalformedTable failure(String where) {
        if (seen == 0) {
            return new MalformedTable("the " + where + " is empty: it holds no rows at all");
        }
        return new MalformedTable("no header row found in the " + where + " (looked at its first " + seen
                + " row(s)); the closest is " + best.stream().map(String::strip).toList() + ": "
                + TableColumns.missing(best, mapping));
    }
}
