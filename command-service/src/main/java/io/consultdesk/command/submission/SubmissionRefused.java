package io.consultdesk.command.submission;

/** A command that does not fit the submission's current state or the actor's rights; the reason says why. */
public class SubmissionRefused extends RuntimeException {

    private final String state;

    public SubmissionRefused(String reason, SubmissionState state) {
        super(reason);
        this.state = state == null ? null : state.name();
    }

    public String state() {
        return state;
    }
}
