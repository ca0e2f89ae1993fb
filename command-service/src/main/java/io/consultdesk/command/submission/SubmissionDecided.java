package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import io.consultdesk.command.consultation.OutcomeClass;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The responsible bureau (or a supervisor) decided: outcome (采纳 / 部分采纳 / 不采纳 …, a word of the
 * consultation's vocabulary) and reason. {@code outcomeClass} is the word's class (accepted, partly, not
 * accepted, explained) when decided; absent from decisions recorded before classes existed.
 * {@code consideredOpinions}: the co-handling bureaus whose opinions it took into account; none recorded —
 * every decision before co-handling opinions existed — means none. {@code campaignDecisionId}: the decision of the
 * item's campaign cluster it took ({@code CampaignDecided}), when the bureau decided the cluster once; absent when
 * the item was decided on its own.
 */
@EventName("SubmissionDecided")
@Revision("1")
public record SubmissionDecided(
        String submissionId,
        String outcome,
        String reason,
        String decidedByBureau,
        Instant decidedAt,
        OutcomeClass outcomeClass,
        List<String> consideredOpinions,
        String campaignDecisionId) {

    public SubmissionDecided {
        consideredOpinions = consideredOpinions == null ? List.of() : List.copyOf(consideredOpinions);
    }

    /** A decision that took no co-handling opinion into account. */
    public SubmissionDecided(String submissionId, String outcome, String reason, String decidedByBureau, Instant decidedAt,
                             OutcomeClass outcomeClass) {
        this(submissionId, outcome, reason, decidedByBureau, decidedAt, outcomeClass, List.of(), null);
    }

    /** A decision of the item on its own. */
    public SubmissionDecided(String submissionId, String outcome, String reason, String decidedByBureau, Instant decidedAt,
                             OutcomeClass outcomeClass, List<String> consideredOpinions) {
        this(submissionId, outcome, reason, decidedByBureau, decidedAt, outcomeClass, consideredOpinions, null);
    }
}
