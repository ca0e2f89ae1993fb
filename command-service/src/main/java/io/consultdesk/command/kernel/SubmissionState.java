package io.consultdesk.command.submission;

/** Where a submission stands in its lifecycle. */
public enum SubmissionState {
    RECEIVED, ASSIGNED, DECIDED, PUBLISHED, WITHDRAWN, REJECTED, DUPLICATE
}
