package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A decision was revised before publication; {@code revision} counts from 1 for the first revision. As with
 * {@link SubmissionDecided}, {@code consideredOpinions} names the co-handling bureaus whose opinions it took into
 * account (none recorded means none).
 */
@EventName("SubmissionDecisionRevised")
@Revision("1")
public record SubmissionDecisionRevised(
        String submissionId,
        int revision,
        String outcome,
        String reason,
        String decidedByBureau,
        Instant revisedAt,
        List<String> consideredOpinions) {

    public SubmissionDecisionRevised {
        consideredOpinions = consideredOpinions == null ? List.of() : List.copyOf(consideredOpinions);
    }

    /** A revision that took no co-handling opinion into account. */
    public SubmissionDecisionRevised(String submissionId, int revision, String outcome, String reason, String decidedByBureau,
                                     Instant revisedAt) {
        this(submissionId, revision, outcome, reason, decidedByBureau, revisedAt, List.of());
    }
}
