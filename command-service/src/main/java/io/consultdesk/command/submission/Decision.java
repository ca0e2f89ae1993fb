package io.consultdesk.command.submission;

import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.OutcomeVocabulary;
import io.consultdesk.command.consultation.OutcomeWord;

import java.util.List;

/**
 * A 采纳情况 read back into outcome and reason: the longest outcome word that starts the text (of the
 * consultation's vocabulary, or one {@link io.consultdesk.command.consultation.OutcomeLexicon} knows), the
 * rest verbatim as the reason ("不采纳，平台运营补贴…" → 不采纳 + "，平台运营补贴…"). {@code text} is the
 * 采纳情况 exactly as the table has it, which publication reproduces character for character.
 * {@code outcomeClass} is the word's class in the vocabulary it was read with.
 */
public record Decision(String outcome, OutcomeClass outcomeClass, String reason, String text) {

    private static final String PUNCTUATION = "，。；：、,.;:！!？?\n）)";

    /** Null for an empty text; refused when the text starts with no outcome word. */
    public static Decision parse(String text, OutcomeVocabulary vocabulary) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cell = text.strip();
        OutcomeWord word = vocabulary.startOf(cell).orElseThrow(() -> new UnknownOutcome(abbreviate(cell), vocabulary.words()));
        return new Decision(word.word(), word.outcomeClass(), cell.substring(word.word().length()), cell);
    }

    /** As {@link #parse(String, OutcomeVocabulary)}, for words given without classes. */
    public static Decision parse(String text, List<String> vocabulary) {
        return parse(text, OutcomeVocabulary.classing(vocabulary));
    }

    /**
     * An outcome column and a reason column of their own (是否采纳 + 采纳理由). The reason is carried as the
     * cell has it; the published 采纳情况 is the outcome cell, then the reason cell, joined as every decision
     * is ({@link DecisionText}: a full-width comma unless either side already has punctuation there).
     * {@code reasonCell} null means the table has no reason column: the outcome cell is read as one 采纳情况.
     */
    public static Decision ofColumns(String outcomeCell, String reasonCell, OutcomeVocabulary vocabulary) {
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
        return new Decision(outcome.outcome(), outcome.outcomeClass(), reason, outcome.text() + separator + reasonText);
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

    /** A 采纳情况 that starts with no word the consultation or ConsultDesk knows; the message names the fix. */
    public static class UnknownOutcome extends SubmissionRefused {
        public UnknownOutcome(String cell, List<String> vocabulary) {
            super("采纳情况 '" + cell + "' does not start with an outcome word: not one of the consultation's " + vocabulary
                    + " nor one ConsultDesk recognises (已采纳, 是, 否, 已反馈, 解释说明 …). Add the word with its class to the"
                    + " consultation's vocabulary (PUT /api/consultations/{id}/outcomes [{\"word\":\"…\",\"class\":\"accepted|partly|not-accepted|explained\"}])"
                    + " and import again", null);
        }
    }
}
