package io.consultdesk.command.submission;

import java.util.Comparator;
import java.util.List;

/**
 * A 采纳情况 read back into outcome and reason: the longest outcome of the vocabulary that starts the
 * text, the rest verbatim as the reason ("不采纳，平台运营补贴…" → 不采纳 + "，平台运营补贴…"). {@code text} is
 * the 采纳情况 exactly as the table has it, which publication reproduces character for character.
 */
public record Decision(String outcome, String reason, String text) {

    private static final String PUNCTUATION = "，。；：、,.;:！!？?\n）)";

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
                .map(outcome -> new Decision(outcome, cell.substring(outcome.length()), cell))
                .orElseThrow(() -> new SubmissionRefused("采纳情况 '" + abbreviate(cell) + "' does not start with one of "
                        + vocabulary, null));
    }

    /**
     * An outcome column and a reason column of their own (是否采纳 + 采纳理由). The reason is carried as the
     * cell has it; the published 采纳情况 is the outcome cell, then the reason cell, joined as every decision
     * is ({@link DecisionText}: a full-width comma unless either side already has punctuation there).
     * {@code reasonCell} null means the table has no reason column: the outcome cell is read as one 采纳情况.
     */
    public static Decision ofColumns(String outcomeCell, String reasonCell, List<String> vocabulary) {
        if (reasonCell == null || reasonCell.isBlank()) {
            return parse(outcomeCell, vocabulary);
        }
        if (outcomeCell == null || outcomeCell.isBlank()) {
            throw new SubmissionRefused("the row has a reason ('" + abbreviate(reasonCell.strip())
                    + "') but no outcome (采纳情况 is empty)", null);
        }
        Decision outcome = parse(outcomeCell, vocabulary);
        String reasonText = reasonCell.strip();
        String separator = joins(outcome.text(), reasonText) ? "" : "，";
        String reason = outcome.reason().isEmpty() ? reasonText : outcome.reason() + separator + reasonText;
        return new Decision(outcome.outcome(), reason, outcome.text() + separator + reasonText);
    }

    /** The text to publish when the ordinary join of outcome and reason would not give {@link #text}; else null. */
    public String verbatimText() {
        return DecisionText.of(outcome, reason).equals(text) ? null : text;
    }

    private static boolean joins(String before, String after) {
        return PUNCTUATION.indexOf(before.charAt(before.length() - 1)) >= 0 || PUNCTUATION.indexOf(after.charAt(0)) >= 0;
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
