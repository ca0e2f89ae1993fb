package io.consultdesk.command.importing;

/**
 * One row of an imported table: where it stood in the file, its 序号 as written, and its three texts.
 * {@code problem} is set when the row could not be read; the other fields are then best effort.
 */
public record TableRow(int position, String serial, String submitter, String opinion, String decision, String problem) {

    static TableRow broken(int position, String problem) {
        return new TableRow(position, String.valueOf(position), "", "", "", problem);
    }
}
