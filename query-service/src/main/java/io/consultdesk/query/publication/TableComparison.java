package io.consultdesk.query.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Two published versions of a table compared row by row, matched by item (a row keeps its item across versions,
 * not necessarily its 序号): rows added, removed, renumbered (the same text under another 序号) and changed. The
 * API answers it as JSON and the comparison page shows it.
 */
public final class TableComparison {

    private TableComparison() {
    }

    /** What became of one item's row between the two versions. */
    public enum Kind {
        ADDED, REMOVED, RENUMBERED, CHANGED;

        /** The word the API has always used: {@code added}, {@code removed}, {@code renumbered}, {@code changed}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One item's row before and after; {@code from} is absent for an added row, {@code to} for a removed one. */
    public record Change(Kind kind, String submissionId, PublishedRow from, PublishedRow to) {

        public boolean outcomeChanged() {
            return from != null && to != null && !Objects.equals(from.outcome(), to.outcome());
        }

        public boolean decisionChanged() {
            return from != null && to != null && !Objects.equals(from.decision(), to.decision());
        }

        public boolean opinionChanged() {
            return from != null && to != null && !Objects.equals(from.opinion(), to.opinion());
        }

        public boolean submitterChanged() {
            return from != null && to != null && !Objects.equals(from.submitter(), to.submitter());
        }

        public boolean renumbered() {
            return from != null && to != null && from.rowNumber() != to.rowNumber();
        }
    }

    /**
     * The changes from {@code a} to {@code b}: rows of {@code b} in its 序号 order (added, renumbered, changed),
     * then the rows of {@code a} that {@code b} no longer has.
     */
    public static List<Change> compare(PublishedTables tables, TableVersion a, TableVersion b) {
        Map<String, PublishedRow> before = new LinkedHashMap<>();
        Map<String, PublishedRow> after = new LinkedHashMap<>();
        tables.forEachRow(a, r -> before.put(r.submissionId(), r));
        tables.forEachRow(b, r -> after.put(r.submissionId(), r));
        List<Change> changes = new ArrayList<>();
        after.forEach((id, row) -> {
            PublishedRow old = before.get(id);
            if (old == null) {
                changes.add(new Change(Kind.ADDED, id, null, row));
            } else if (!old.equals(row)) {
                changes.add(new Change(old.rowNumber() != row.rowNumber() && sameText(old, row) ? Kind.RENUMBERED : Kind.CHANGED,
                        id, old, row));
            }
        });
        before.forEach((id, row) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change(Kind.REMOVED, id, row, null));
            }
        });
        return changes;
    }

    /** A change as the API has always answered it: {@code change}, {@code submissionId}, and {@code from} / {@code to} where there is one. */
    public static Map<String, Object> asJson(Change change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("change", change.kind().word());
        json.put("submissionId", change.submissionId());
        if (change.from() != null) {
            json.put("from", change.from());
        }
        if (change.to() != null) {
            json.put("to", change.to());
        }
        return json;
    }

    private static boolean sameText(PublishedRow a, PublishedRow b) {
        return a.submitter().equals(b.submitter()) && a.opinion().equals(b.opinion()) && a.decision().equals(b.decision());
    }
}
