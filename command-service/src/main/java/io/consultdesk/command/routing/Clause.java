package io.consultdesk.command.routing;

import java.util.List;

/**
 * One clause of the draft's catalogue: its number, chapter and title (either may be unknown, i.e. empty),
 * its responsible units (责任单位), the first of which leads, and its text as the draft words it (empty where
 * the catalogue does not carry it — every catalogue loaded before it could).
 */
public record Clause(String number, String chapter, String title, List<String> responsibleUnits, String text) {

    public Clause {
        number = ClauseNumber.parse(number).toString();
        chapter = chapter == null ? "" : chapter.strip();
        title = title == null ? "" : title.strip();
        responsibleUnits = responsibleUnits == null ? List.of()
                : responsibleUnits.stream().map(String::strip).filter(u -> !u.isEmpty()).distinct().toList();
        text = text == null ? "" : text.strip();
    }

    /** A clause whose text the catalogue does not carry. */
    public Clause(String number, String chapter, String title, List<String> responsibleUnits) {
        this(number, chapter, title, responsibleUnits, "");
    }
}
