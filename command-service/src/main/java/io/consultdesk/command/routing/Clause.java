package io.consultdesk.command.routing;

import java.util.List;

/**
 * One clause of the draft's catalogue: its number, chapter and title (either may be unknown, i.e. empty)
 * and its responsible units (责任单位), the first of which leads.
 */
public record Clause(String number, String chapter, String title, List<String> responsibleUnits) {

    public Clause {
        number = ClauseNumber.parse(number).toString();
        chapter = chapter == null ? "" : chapter.strip();
        title = title == null ? "" : title.strip();
        responsibleUnits = responsibleUnits == null ? List.of()
                : responsibleUnits.stream().map(String::strip).filter(u -> !u.isEmpty()).distinct().toList();
    }
}
