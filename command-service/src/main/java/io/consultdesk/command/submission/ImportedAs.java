package io.consultdesk.command.submission;

import io.consultdesk.command.consultation.OutcomeWord;

/**
 * What importing one row did: {@code as} received, decided or already present; the outcome word its
 * 采纳情况 starts with (null when undecided), and whether that word was new to the consultation's vocabulary
 * (adopted by this row, or for a dry run, to be).
 */
public record ImportedAs(As as, OutcomeWord outcome, boolean newWord) {

    /** What became of the row. */
    public enum As {
        RECEIVED, DECIDED, ALREADY_PRESENT
    }

    public static final ImportedAs ALREADY_PRESENT = new ImportedAs(As.ALREADY_PRESENT, null, false);
    public static final ImportedAs RECEIVED = new ImportedAs(As.RECEIVED, null, false);
}
