package io.consultdesk.command.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks for the header among a table's first rows (titles and notes may stand above it) and, when there is
 * none, says what the closest row lacks and how to map it. A header of two rows (反馈单位或个人 spanning two
 * columns, 单位 and 个人 under it) is read as one: see {@link #subHeader}.
 */
final class HeaderSearch {

    static final int MAX_ROWS_BEFORE_HEADER = 30;

    private final ColumnMapping mapping;
    private List<String> header;
    private boolean subHeaderLooked;
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
            header = cells;
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

    /**
     * The header completed by the first row under it, when that row names columns rather than holding a
     * comment: every cell of it blank, the same as the header's above it (a cell merged down), or exactly a
     * header name (单位 and 个人 under a 反馈单位或个人 that spans both). Null otherwise — and for any later row.
     */
    TableColumns subHeader(List<String> cells) {
        if (header == null || subHeaderLooked || cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return null;
        }
        subHeaderLooked = true;
        List<String> combined = new ArrayList<>();
        boolean named = false;
        for (int i = 0; i < Math.max(header.size(), cells.size()); i++) {
            String above = i < header.size() && header.get(i) != null ? header.get(i) : "";
            String below = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            if (below.isBlank() || ColumnRole.normalise(below).equals(ColumnRole.normalise(above))) {
                combined.add(above);
                continue;
            }
            if (ColumnRole.named(below).isEmpty() && mapping.roleOf(i, below).isEmpty()) {
                return null; // a comment's text, not a column's name (only exact header names count here)
            }
            combined.add(below);
            named = true;
        }
        return named ? TableColumns.ofHeader(combined, mapping) : null;
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
