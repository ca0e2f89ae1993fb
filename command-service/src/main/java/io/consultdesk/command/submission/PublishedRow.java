package io.consultdesk.command.submission;

import io.consultdesk.command.consultation.OutcomeClass;

/**
 * What publishing an item in a version gave: its 序号 there and the decision it shows, whose outcome the
 * version's totals count; {@code recorded} is false when the item had been published in that version already.
 */
public record PublishedRow(String submissionId, int rowNumber, String outcome, OutcomeClass outcomeClass, boolean recorded) {
}
