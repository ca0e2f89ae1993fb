package io.consultdesk.query.presentation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clauses in the order of the draft: （一）, （二）, （三） … （十）, （十一） by the value of their numeral. Sorting
 * the strings would put （七） before （三） (by character code). A text that is no clause number comes after
 * every clause, in text order. Numerals are read as command-service's {@code ClauseNumber} reads them (the
 * services share no code: a clause reaches this side as its canonical text, （十五）).
 */
public final class ClauseOrder {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final Pattern WRITTEN = Pattern.compile("^[（(]?\\s*([零〇一二两三四五六七八九十百]+|\\d{1,4})\\s*[)）]?$");

    /** Clause numbers by numeral value, then (equal values written differently, non-clauses) by text. */
    public static final Comparator<String> BY_NUMBER = Comparator
            .comparingInt(ClauseOrder::valueOrMax)
            .thenComparing(Comparator.naturalOrder());

    private ClauseOrder() {
    }

    /** The clauses sorted in document order. */
    public static List<String> sorted(Collection<String> clauses) {
        return clauses.stream().sorted(BY_NUMBER).toList();
    }

    /** The numeral's value (（十五） → 15), or -1 when the text is not a clause number. */
    public static int value(String clause) {
        Matcher m = WRITTEN.matcher(clause == null ? "" : clause.strip());
        if (!m.matches()) {
            return -1;
        }
        String n = m.group(1);
        if (Character.isDigit(n.charAt(0))) {
            return Integer.parseInt(n);
        }
        int total = 0;
        int current = 0;
        for (char c : n.toCharArray()) {
            int digit = c == '〇' ? 0 : c == '两' ? 2 : DIGITS.indexOf(c);
            if (digit >= 0) {
                current = digit;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else { // 百
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
        }
        return total + current;
    }

    private static int valueOrMax(String clause) {
        int v = value(clause);
        return v < 0 ? Integer.MAX_VALUE : v;
    }
}
