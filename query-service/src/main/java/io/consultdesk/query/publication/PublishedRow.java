package io.consultdesk.query.publication;

/** A row as the public sees it: 序号, masked 反馈单位或个人, 反馈意见 in full, 采纳情况 as decided. */
public record PublishedRow(int rowNumber, String submissionId, String submitter, String opinion, String decision, String outcome) {
}
