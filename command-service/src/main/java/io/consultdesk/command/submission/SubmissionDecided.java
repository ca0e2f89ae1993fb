package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The responsible bureau (or a supervisor) decided: outcome (采纳 / 部分采纳 / 不采纳 …) and reason, and the
 * co-handling bureaus whose opinions it took into account ({@code consideredOpinions}; none recorded — every
 * decision before co-handling opinions existed — means none).
 */
@EventName("SubmissionDecided")
@Revision("1")
public record SubmissionDecided(
        String submissionId,
        String outcome,
        String reason,
        String decidedByBureau,
        Instant decidedAt,
        List<String> consideredOpinions) {

    public SubmissionDecided {
        consideredOpinions = consideredOpinions == null ? List.of() : List.copyOf(consideredOpinions);
    }

    /** A decision that took no co-handling opinion into account. */
    public SubmissionDecided(String submissionId, String outcome, String reason, String decidedByBureau, Instant decidedAt) {
        this(submissionId, outcome, reason, decidedByBureau, decidedAt, List.of());
    }
}
