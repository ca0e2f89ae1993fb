package io.consultdesk.query.publication;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A table's rows with each campaign's copies that got one answer folded into one row, as some bodies publish
 * ("同类意见 N 条"): the first of them (in 序号 order) stands for all, its 反馈单位或个人 followed by "等（同类意见 N 条）";
 * the others are left out. Copies answered differently keep their own rows, and a row in no campaign is as it was.
 * Every comment still has its row in the table: this is a way of showing it. Two passes over the rows: the first
 * counts each campaign's copies per answer, the second writes.
 */
final class GroupedRows implements TableWriter.RowSource {

    private final TableWriter.RowSource rows;
    /** Each clustered item's campaign cluster. */
    private final Map<String, String> clusterOf;

    GroupedRows(TableWriter.RowSource rows, Map<String, String> clusterOf) {
        this.rows = rows;
        this.clusterOf = clusterOf;
    }

    @Override
    public void forEach(Consumer<PublishedRow> sink) {
        Map<String, Group> groups = new HashMap<>();
        rows.forEach(row -> {
            String key = key(row);
            if (key != null) {
                groups.computeIfAbsent(key, k -> new Group(row.rowNumber())).count++;
            }
        });
        rows.forEach(row -> {
            String key = key(row);
            Group group = key == null ? null : groups.get(key);
            if (group == null || group.count < 2) {
                sink.accept(row);
            } else if (group.firstRow == row.rowNumber()) {
                sink.accept(new PublishedRow(row.rowNumber(), row.submissionId(), row.submitter() + "等（同类意见 " + group.count + " 条）",
                        row.opinion(), row.decision(), row.outcome()));
            }
        });
    }

    /** The row's campaign and answer, or null for a row in no campaign. */
    private String key(PublishedRow row) {
        String cluster = clusterOf.get(row.submissionId());
        return cluster == null ? null : cluster + "\u0000" + row.decision();
    }

    private static final class Group {
        final int firstRow;
        int count;

        Group(int firstRow) {
            this.firstRow = firstRow;
        }
    }
}
