package io.consultdesk.command.submission;

import java.util.Comparator;
import java.util.List;

/**
 * A 采纳情况 cell read back into outcome and reason: the longest outcome of the vocabulary that starts the
 * text, the rest verbatim as the reason ("不采纳，平台运营补贴…" → 不采纳 + "，平台运营补贴…"), so that
 * publishing it again gives the same text.
 */
public record Decision(String outcome, String reason) {

    /** Null for an empty text; refused when the text does not start with an outcome of the vocabulary. */
    public static Decision parse(String text, List<String> vocabulary) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cell = text.strip();
        return vocabulary.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(cell::startsWith)
                .findFirst()
                .map(outcome -> new Decision(outcome, cell.substring(outcome.length())))
                .orElseThrow(() -> new SubmissionRefused("采纳情况 '" + abbreviate(cell) + "' does not start with one of "
                        + vocabulary, null));
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
