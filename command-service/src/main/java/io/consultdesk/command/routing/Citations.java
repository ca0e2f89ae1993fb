package io.consultdesk.command.routing;

import java.util.List;

/**
 * What a comment cites of the draft: clauses in order of first mention, and chapters (by numeral, e.g. 四)
 * kept apart because chapters are context, not routing.
 */
public record Citations(List<ClauseNumber> clauses, List<String> chapters) {

    public Citations {
        clauses = List.copyOf(clauses);
        chapters = List.copyOf(chapters);
    }

    public List<String> clauseLabels() {
        return clauses.stream().map(ClauseNumber::toString).toList();
    }
}
