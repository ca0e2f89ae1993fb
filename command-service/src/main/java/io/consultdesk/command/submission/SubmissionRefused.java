package io.consultdesk.command.submission;

import io.consultdesk.command.kernel.Refusal;
import io.consultdesk.command.kernel.SubmissionState;

import java.util.Map;

/** A command that does not fit the submission's current state or the actor's rights; the reason says why. */
public class SubmissionRefused extends Refusal {

    private final String state;

    public SubmissionRefused(String reason, SubmissionState state) {
        super(Kind.CONFLICT, reason);
        this.state = state == null ? null : state.name();
    }

    public String state() {
        return state;
    }

    @Override
    public Map<String, Object> facts() {
        return state == null ? Map.of() : Map.of("currentState", state);
    }
}
