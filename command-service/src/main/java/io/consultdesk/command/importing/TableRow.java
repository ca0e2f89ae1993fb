package io.consultdesk.command.importing;

import io.consultdesk.command.submission.SubmitterKind;

/**
 * One row of an imported table: where it stood in the file, its 序号 as written, and its texts as the
 * cells hold them. {@code submitterKind} is set when the table says (a 单位 or a 个人 column), null when
 * the import guesses; {@code reason} is null when the table has no column of its own for it (the outcome
 * cell may then carry it). {@code problem} is set when the row could not be read; the other fields are
 * then best effort.
 */
public record TableRow(int position, String serial, String submitter, SubmitterKind submitterKind, String opinion,
                       String outcome, String reason, String problem) {

    static TableRow broken(int position, String problem) {
        return new TableRow(position, String.valueOf(position), "", null, "", "", null, problem);
    }
}
