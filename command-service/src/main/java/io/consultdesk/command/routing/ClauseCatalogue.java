package io.consultdesk.command.routing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The draft's clauses by number. A clause may appear once; its units may be unknown. */
public record ClauseCatalogue(List<Clause> clauses) {

    private static final Pattern CHAPTER = Pattern.compile("^([一二三四五六七八九十]+)、\\s*(.*)$");

    public ClauseCatalogue {
        clauses = List.copyOf(clauses == null ? List.of() : clauses);
        Set<String> seen = new HashSet<>();
        for (Clause clause : clauses) {
            if (!seen.add(clause.number())) {
                throw new IllegalArgumentException("clause " + clause.number() + " appears twice in the catalogue");
            }
        }
    }

    public Optional<Clause> find(ClauseNumber number) {
        String key = number.toString();
        return clauses.stream().filter(c -> c.number().equals(key)).findFirst();
    }

    /** Chapter numeral to title (四 → 推动“+AI”应用创新示范) for the chapters the catalogue names. */
    public Map<String, String> chapterTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Clause clause : clauses) {
            Matcher m = CHAPTER.matcher(clause.chapter());
            if (m.matches()) {
                titles.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        return titles;
    }
}
