package io.consultdesk.command.kernel;

/**
 * Where a submission stands in its lifecycle: the one spelling of an item's state on the write side, for the
 * aggregate, the checks before publishing and the refusals' phrases alike.
 */
public enum SubmissionState {
    RECEIVED, ASSIGNED, DECIDED, PUBLISHED, WITHDRAWN, REJECTED, DUPLICATE
}
