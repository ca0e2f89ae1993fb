package io.consultdesk.command.submission;

import io.consultdesk.command.kernel.Refusal;

import java.util.List;
import java.util.Map;

/**
 * A comment sent with the id of one already received but with different content: a 409 naming the fields
 * that differ (never their values), so a second comment is not silently taken for a retry of the first.
 */
public class SubmissionIdTaken extends Refusal {

    private final String submissionId;
    private final List<String> differs;

    public SubmissionIdTaken(String submissionId, List<String> differs) {
        super(Kind.CONFLICT, "submission id '" + submissionId + "' was already received with a different "
                + String.join(", ", differs) + "; the item received first is unchanged: send this comment under a new id");
        this.submissionId = submissionId;
        this.differs = List.copyOf(differs);
    }

    public List<String> differs() {
        return differs;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("submissionId", submissionId, "differs", differs);
    }
}
