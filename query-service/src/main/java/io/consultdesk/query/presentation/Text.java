package io.consultdesk.query.presentation;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Lists and counts as a reader writes them, never as a program prints them ({@code [（十五）]}, {@code {采纳=1}}). */
public final class Text {

    private Text() {
    }

    /** {@code （一）、（三）}; the empty text for none. */
    public static String list(Collection<String> values) {
        return values == null ? "" : String.join("、", values);
    }

    /** {@code 采纳 3、不采纳 1}, in the map's order; the empty text for none. */
    public static String counts(Map<String, ? extends Number> counts) {
        return counts == null ? "" : counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining("、"));
    }
}
