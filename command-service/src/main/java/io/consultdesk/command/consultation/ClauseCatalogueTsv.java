package io.consultdesk.command.consultation;

import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.routing.Clause;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a clause catalogue in the tab-separated layout of the seed's clauses.tsv: a header naming at least
 * {@code clause}, and any of {@code chapter}, {@code title}, {@code responsible_units} (units separated by
 * 、 , ， ; or ；), in any order; other columns are ignored.
 */
public final class ClauseCatalogueTsv {

    private ClauseCatalogueTsv() {
    }

    public static List<Clause> parse(String tsv) {
        List<String> lines = tsv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new InvalidField("body", "the catalogue is empty: a header line and one line per clause are expected");
        }
        List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split("\t", -1))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int clause = header.indexOf("clause");
        if (clause < 0) {
            throw new InvalidField("body", "the header must name a 'clause' column; it has " + header);
        }
        int chapter = header.indexOf("chapter");
        int title = header.indexOf("title");
        int units = header.indexOf("responsible_units");
        int text = header.indexOf("text");
        if (lines.size() - 1 > FieldLimits.CLAUSES) {
            throw new InvalidField("body", "a catalogue has at most " + FieldLimits.CLAUSES + " clauses, this one has " + (lines.size() - 1));
        }
        List<Clause> clauses = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            try {
                Clause c = new Clause(cell(cells, clause), cell(cells, chapter), cell(cells, title),
                        splitUnits(cell(cells, units)), cell(cells, text));
                withinLimits(c);
                clauses.add(c);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("line " + (i + 1), e.getMessage());
            }
        }
        return clauses;
    }

    /** The limits a catalogue sent as JSON is held to ({@code ConsultationController.ClauseRequest}), for one read from a file. */
    private static void withinLimits(Clause c) {
        atMost("chapter", c.chapter(), FieldLimits.HEADING);
        atMost("title", c.title(), FieldLimits.TITLE);
        atMost("text", c.text(), FieldLimits.CLAUSE_TEXT);
        if (c.responsibleUnits().size() > FieldLimits.RESPONSIBLE_UNITS) {
            throw new IllegalArgumentException("a clause names at most " + FieldLimits.RESPONSIBLE_UNITS + " responsible units");
        }
        c.responsibleUnits().forEach(u -> atMost("responsible unit", u, FieldLimits.BUREAU));
    }

    private static void atMost(String column, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new IllegalArgumentException("the " + column + " is longer than " + limit + " characters");
        }
    }

    static List<String> splitUnits(String units) {
        if (units.isBlank()) {
            return List.of();
        }
        return Arrays.stream(units.split("[、,，;；]")).map(String::strip).filter(u -> !u.isEmpty()).toList();
    }

    private static String cell(String[] cells, int index) {
        return index >= 0 && index < cells.length ? cells[index].strip() : "";
    }
}
