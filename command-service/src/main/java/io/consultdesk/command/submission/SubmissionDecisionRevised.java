package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import io.consultdesk.command.consultation.OutcomeClass;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A decision was revised before publication; {@code revision} counts from 1 for the first revision.
 * {@code outcomeClass}, {@code consideredOpinions} and {@code campaignDecisionId} as in {@link SubmissionDecided}.
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
        OutcomeClass outcomeClass,
        List<String> consideredOpinions,
        String campaignDecisionId) {

    public SubmissionDecisionRevised {
        consideredOpinions = consideredOpinions == null ? List.of() : List.copyOf(consideredOpinions);
    }

    /** A revision that took no co-handling opinion into account. */
    public SubmissionDecisionRevised(String submissionId, int revision, String outcome, String reason, String decidedByBureau,
                                     Instant revisedAt, OutcomeClass outcomeClass) {
        this(submissionId, revision, outcome, reason, decidedByBureau, revisedAt, outcomeClass, List.of(), null);
    }

    /** A revision of the item on its own. */
    public SubmissionDecisionRevised(String submissionId, int revision, String outcome, String reason, String decidedByBureau,
                                     Instant revisedAt, OutcomeClass outcomeClass, List<String> consideredOpinions) {
        this(submissionId, revision, outcome, reason, decidedByBureau, revisedAt, outcomeClass, consideredOpinions, null);
    }
}
