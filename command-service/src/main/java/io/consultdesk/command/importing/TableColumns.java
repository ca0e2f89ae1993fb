package io.consultdesk.command.importing;

import io.consultdesk.command.submission.SubmitterKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an imported table by meaning: each header is given a role (by the {@code columns}
 * mapping, else by {@link ColumnRole#recognise}); their order in the file is free. A row is a header when
 * it has an opinion column and at least one other role (序号, submitter, unit, person or outcome) in
 * another column. A second column of a role already taken is ignored and listed as such.
 */
final class TableColumns {

    /** One column of the header and what it is used as; {@code role} null for a column that is ignored. */
    record Column(int column, String header, ColumnRole role, String how) {
    }

    private final List<Column> columns;
    private final Map<ColumnRole, Integer> index;
    private final int width;

    private TableColumns(List<Column> columns, Map<ColumnRole, Integer> index, int width) {
        this.columns = columns;
        this.index = index;
        this.width = width;
    }

    /** Returns null when {@code cells} is not a header row. */
    static TableColumns ofHeader(List<String> cells, ColumnMapping mapping) {
        List<Column> columns = new ArrayList<>();
        Map<ColumnRole, Integer> index = new EnumMap<>(ColumnRole.class);
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i) == null ? "" : cells.get(i).replace("\uFEFF", "").strip();
            Optional<ColumnRole> mapped = mapping.roleOf(i, header);
            Optional<ColumnRole> role = mapped.isPresent() ? mapped : ColumnRole.recognise(header);
            if (role.isEmpty()) {
                columns.add(new Column(i + 1, header, null, header.isEmpty() ? "no header" : "not recognised"));
            } else if (role.get() == ColumnRole.IGNORE) {
                columns.add(new Column(i + 1, header, null, mapped.isPresent() ? "mapped to ignore" : "ignored"));
            } else if (index.containsKey(role.get())) {
                columns.add(new Column(i + 1, header, null, "a second " + role.get().key() + " column (the first is used)"));
            } else {
                index.put(role.get(), i);
                columns.add(new Column(i + 1, header, role.get(), mapped.isPresent() ? "mapped" : "recognised"));
            }
        }
        if (!index.containsKey(ColumnRole.OPINION)) {
            return null;
        }
        boolean another = index.keySet().stream().anyMatch(r -> r != ColumnRole.OPINION && r != ColumnRole.REASON);
        return another ? new TableColumns(List.copyOf(columns), index, cells.size()) : null;
    }

    /** How close a row is to a header (roles found), to name what is missing when none is. */
    static int score(List<String> cells, ColumnMapping mapping) {
        return (int) cells.stream().map(c -> ColumnRole.recognise(c)).filter(Optional::isPresent).map(Optional::get)
                .filter(r -> r != ColumnRole.IGNORE).distinct().count();
    }

    /** Says which roles a candidate header row lacks and how to map them. */
    static String missing(List<String> candidate, ColumnMapping mapping) {
        List<String> found = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        List<ColumnRole> roles = new ArrayList<>();
        for (int i = 0; i < candidate.size(); i++) {
            String h = candidate.get(i) == null ? "" : candidate.get(i).strip();
            Optional<ColumnRole> mapped = mapping.roleOf(i, h);
            (mapped.isPresent() ? mapped : ColumnRole.recognise(h)).ifPresent(roles::add);
        }
        for (ColumnRole role : List.of(ColumnRole.SERIAL, ColumnRole.SUBMITTER, ColumnRole.OPINION, ColumnRole.OUTCOME, ColumnRole.REASON)) {
            boolean has = roles.contains(role) || (role == ColumnRole.SUBMITTER
                    && (roles.contains(ColumnRole.UNIT) || roles.contains(ColumnRole.PERSON)));
            (has ? found : lacking).add(role.key() + " (" + role.examples() + ")");
        }
        return "found " + (found.isEmpty() ? "no column it recognises" : String.join(", ", found))
                + "; not found: " + String.join(", ", lacking)
                + ". An opinion column and one more (serial, submitter or outcome) are needed: name yours with the parameter"
                + " columns=role:header, e.g. columns=opinion:意见描述,submitter:提出者,outcome:处理结果"
                + " (roles: serial, submitter, unit, person, opinion, outcome, reason, ignore)";
    }

    int width() {
        return width;
    }

    /** Every column of the header, with its role or why it is ignored. */
    List<Column> columns() {
        return columns;
    }

    boolean has(ColumnRole role) {
        return index.containsKey(role);
    }

    TableRow row(int position, List<String> cells) {
        String serialText = cell(cells, ColumnRole.SERIAL);
        String submitter;
        SubmitterKind kind = null;
        if (has(ColumnRole.SUBMITTER)) {
            submitter = cell(cells, ColumnRole.SUBMITTER);
        } else {
            String unit = cell(cells, ColumnRole.UNIT);
            String person = cell(cells, ColumnRole.PERSON);
            submitter = unit.isEmpty() ? person : person.isEmpty() ? unit : unit + " " + person;
            if (!unit.isEmpty()) {
                kind = SubmitterKind.ORGANISATION;
            } else if (!person.isEmpty()) {
                kind = SubmitterKind.PERSON;
            }
        }
        return new TableRow(position, serialText.isEmpty() ? String.valueOf(position) : serialText, submitter, kind,
                cell(cells, ColumnRole.OPINION), cell(cells, ColumnRole.OUTCOME),
                has(ColumnRole.REASON) ? cell(cells, ColumnRole.REASON) : null, null);
    }

    /** The cell as written, without the white space around it; line ends as \n, paragraphs kept. */
    private String cell(List<String> cells, ColumnRole role) {
        Integer i = index.get(role);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return "";
        }
        return cells.get(i).replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
