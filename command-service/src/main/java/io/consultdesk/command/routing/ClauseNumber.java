package io.consultdesk.command.routing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause of the draft, always in its canonical written form with full-width brackets and Chinese
 * numerals: （十五）. Parsed from （十五）, (十五), 十五, 15 or （15）.
 */
public record ClauseNumber(int value) implements Comparable<ClauseNumber> {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final Pattern WRITTEN = Pattern.compile("^[（(]?\\s*([零〇一二两三四五六七八九十百]+|\\d{1,3})\\s*[)）]?$");

    public ClauseNumber {
        if (value < 1 || value > 999) {
            throw new IllegalArgumentException("a clause number runs from 1 to 999, was " + value);
        }
    }

    public static ClauseNumber parse(String text) {
        Matcher m = WRITTEN.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a clause number: '" + text + "' (expected e.g. （十五）, 十五 or 15)");
        }
        String n = m.group(1);
        return new ClauseNumber(Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : chineseToInt(n));
    }

    /** Chinese numerals as written in clause and article numbers: 十, 十五, 二十, 二十五, 一百零二. */
    static int chineseToInt(String numeral) {
        int total = 0;
        int current = 0;
        for (char c : numeral.toCharArray()) {
            int digit = c == '〇' ? 0 : c == '两' ? 2 : DIGITS.indexOf(c);
            if (digit >= 0) {
                current = digit;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            } else {
                throw new IllegalArgumentException("not a Chinese numeral: " + numeral);
            }
        }
        return total + current;
    }

    static String intToChinese(int n) {
        StringBuilder s = new StringBuilder();
        int hundreds = n / 100;
        int tens = (n / 10) % 10;
        int ones = n % 10;
        if (hundreds > 0) {
            s.append(DIGITS.charAt(hundreds)).append('百');
            if (tens == 0 && ones > 0) {
                s.append('零');
            }
        }
        if (tens > 0) {
            if (tens > 1 || hundreds > 0) {
                s.append(DIGITS.charAt(tens));
            }
            s.append('十');
        }
        if (ones > 0) {
            s.append(DIGITS.charAt(ones));
        }
        return s.toString();
    }

    /** The canonical form used everywhere the clause is shown or stored: （十五）. */
    @Override
    public String toString() {
        return "（" + intToChinese(value) + "）";
    }

    @Override
    public int compareTo(ClauseNumber other) {
        return Integer.compare(value, other.value);
    }
}
