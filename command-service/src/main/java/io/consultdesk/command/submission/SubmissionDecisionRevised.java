package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import io.consultdesk.command.consultation.OutcomeClass;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A decision was revised before publication; {@code revision} counts from 1 for the first revision.
 * {@code outcomeClass} as in {@link SubmissionDecided}.
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
        OutcomeClass outcomeClass) {
}
