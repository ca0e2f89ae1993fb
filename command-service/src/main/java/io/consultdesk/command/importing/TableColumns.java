package io.consultdesk.command.importing;

import java.util.List;

/** The columns an imported table is matched on, by header name; their order in the file is free. */
final class TableColumns {

    static final String SERIAL = "序号";
    static final String SUBMITTER = "反馈单位或个人";
    static final String OPINION = "反馈意见";
    static final String DECISION = "采纳情况";

    private final int serial;
    private final int submitter;
    private final int opinion;
    private final int decision;
    private final int width;

    private TableColumns(List<String> header) {
        this.serial = header.indexOf(SERIAL);
        this.submitter = header.indexOf(SUBMITTER);
        this.opinion = header.indexOf(OPINION);
        this.decision = header.indexOf(DECISION);
        this.width = header.size();
    }

    /** Returns null when {@code cells} is not a header row (it must name at least 反馈单位或个人 and 反馈意见). */
    static TableColumns ofHeader(List<String> cells) {
        List<String> header = cells.stream().map(c -> c == null ? "" : c.replace("\uFEFF", "").strip()).toList();
        return header.contains(SUBMITTER) && header.contains(OPINION) ? new TableColumns(header) : null;
    }

    int width() {
        return width;
    }

    TableRow row(int position, List<String> cells) {
        if (cells.size() < Math.max(submitter, opinion) + 1) {
            return TableRow.broken(position, "row has " + cells.size() + " column(s), the header " + width);
        }
        String serialText = cell(cells, serial);
        return new TableRow(position, serialText.isEmpty() ? String.valueOf(position) : serialText,
                cell(cells, submitter), normalise(cell(cells, opinion)), normalise(cell(cells, decision)), null);
    }

    private static String cell(List<String> cells, int index) {
        return index >= 0 && index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }

    /** Line ends as \n, paragraphs kept. */
    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
