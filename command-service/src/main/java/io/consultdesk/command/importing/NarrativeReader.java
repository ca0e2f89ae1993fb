package io.consultdesk.command.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table written as paragraphs, one comment after another, each field led by its label:
 * <pre>
 * 1. 反馈人：李**
 * 意见建议：建议在村口增设公交站点。 采纳情况：采纳。
 * </pre>
 * A label ({@link #LABELS}, followed by ： or :) starts a field at the start of a line, or within a line after
 * white space or 。；; when it has three characters or more (意见建议：… 采纳情况：… on one line). A line that
 * starts with a number (1. 1、 （1）) starts a comment with that 序号; so does a label of a field the comment
 * already has once it has its outcome. A line without a label continues the field before it, its line end
 * kept; text before the first field (titles) is not part of any comment. Fields are taken as written,
 * without the white space around them.
 */
final class NarrativeReader {

    /** The labels a narrative uses, by role; fewer than the column headers, since a label may stand inside text. */
    static final Map<String, ColumnRole> LABELS = new LinkedHashMap<>();

    static {
        for (String l : List.of("序号", "编号")) {
            LABELS.put(l, ColumnRole.SERIAL);
        }
        for (String l : List.of("反馈单位或个人", "反馈单位/个人", "意见提出人", "单位或个人", "反馈单位", "反馈人", "提出人", "建议人", "姓名", "单位")) {
            LABELS.put(l, ColumnRole.SUBMITTER);
        }
        for (String l : List.of("意见建议", "意见和建议", "反馈意见", "意见内容", "主要意见", "意见", "建议")) {
            LABELS.put(l, ColumnRole.OPINION);
        }
        for (String l : List.of("反馈意见采纳情况", "意见采纳情况", "采纳情况", "是否采纳", "采纳结果", "处理情况", "办理情况")) {
            LABELS.put(l, ColumnRole.OUTCOME);
        }
        for (String l : List.of("不采纳理由", "采纳理由", "采纳说明", "理由")) {
            LABELS.put(l, ColumnRole.REASON);
        }
    }

    private static final List<ColumnRole> ORDER = List.of(ColumnRole.SERIAL, ColumnRole.SUBMITTER, ColumnRole.OPINION,
            ColumnRole.OUTCOME, ColumnRole.REASON);
    private static final List<String> HEADER = List.of("序号", "反馈单位或个人", "反馈意见", "采纳情况", "采纳理由");
    private static final Pattern NUMBER = Pattern.compile("^\\s*(?:(\\d{1,6})\\s*[.、．]|[（(](\\d{1,6})[）)])\\s*");
    private static final Pattern LABEL;

    static {
        List<String> longestFirst = new ArrayList<>(LABELS.keySet());
        longestFirst.sort((a, b) -> b.length() - a.length());
        LABEL = Pattern.compile("(^|(?<=[\\s\\u3000。；;]))(" + String.join("|", longestFirst.stream().map(Pattern::quote).toList())
                + ")\\s*[：:]");
    }

    /** Reads every comment of {@code text}; refused when no line carries a label. */
    TableColumns read(String text, Consumer<TableRow> sink) {
        TableColumns columns = TableColumns.ofHeader(HEADER, ColumnMapping.NONE);
        Record record = null;
        ColumnRole field = null;
        int position = 0;
        boolean any = false;
        for (String rawLine : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = rawLine.replace("\uFEFF", "");
            Matcher number = NUMBER.matcher(line);
            String serial = null;
            if (number.find() && LABEL.matcher(line.substring(number.end())).lookingAt()) {
                serial = number.group(1) != null ? number.group(1) : number.group(2);
                line = line.substring(number.end());
            }
            List<int[]> labels = labelsIn(line);
            if (serial != null || (!labels.isEmpty() && startsRecord(record, labels.get(0), line))) {
                if (record != null) {
                    sink.accept(record.row(columns, ++position));
                }
                record = new Record();
                record.put(ColumnRole.SERIAL, serial);
                field = null;
            }
            int at = 0;
            boolean lineStart = true;
            for (int[] label : labels) {
                ColumnRole role = LABELS.get(line.substring(label[1], label[2]).strip());
                if (record == null || (record.has(role) && !startsRecord(record, label, line))) {
                    continue; // a label word inside the text of the field before it
                }
                if (label[0] > at && field != null) {
                    record.append(field, (lineStart ? "\n" : "") + line.substring(at, label[0]));
                }
                lineStart = false;
                any = true;
                field = role;
                record.put(role, "");
                at = label[3];
            }
            if (record != null && field != null) {
                record.append(field, (lineStart ? "\n" : "") + line.substring(at));
            }
        }
        if (record != null) {
            sink.accept(record.row(columns, ++position));
        }
        if (!any) {
            throw new MalformedTable("no table found: neither a header row nor comments written as labelled paragraphs"
                    + " (1. 反馈人：… 意见建议：… 采纳情况：…)");
        }
        return columns;
    }

    /** Each label in the line: {start of the match, label start, label end, end of the match (after the colon)}. */
    private static List<int[]> labelsIn(String line) {
        List<int[]> found = new ArrayList<>();
        Matcher m = LABEL.matcher(line);
        while (m.find()) {
            boolean atStart = line.substring(0, m.start(2)).isBlank();
            if (atStart || m.group(2).length() >= 3) {
                found.add(new int[] {atStart ? 0 : m.start(2), m.start(2), m.end(2), m.end()});
            }
        }
        return found;
    }

    /** A label starts a new comment when the comment has that field already and has its outcome. */
    private static boolean startsRecord(Record record, int[] label, String line) {
        ColumnRole role = LABELS.get(line.substring(label[1], label[2]).strip());
        return record == null || (record.has(role) && record.has(ColumnRole.OUTCOME));
    }

    /** The fields of one comment as they are read. */
    private static final class Record {
        private final Map<ColumnRole, StringBuilder> fields = new EnumMap<>(ColumnRole.class);

        void put(ColumnRole role, String text) {
            if (text != null) {
                fields.put(role, new StringBuilder(text));
            }
        }

        boolean has(ColumnRole role) {
            return fields.containsKey(role);
        }

        void append(ColumnRole role, String text) {
            StringBuilder b = fields.get(role);
            if (b.isEmpty()) {
                b.append(text.stripLeading());
            } else {
                b.append(text);
            }
        }

        TableRow row(TableColumns columns, int position) {
            List<String> cells = new ArrayList<>();
            for (ColumnRole role : ORDER) {
                StringBuilder b = fields.get(role);
                cells.add(b == null ? "" : b.toString().strip());
            }
            return columns.row(position, cells);
        }
    }
}
