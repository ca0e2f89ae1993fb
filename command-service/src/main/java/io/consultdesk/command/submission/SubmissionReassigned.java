package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A supervisor moved the submission to other bureaus, for the reason given; the new lead has until {@code dueAt}.
 * {@code awaitedOpinions}: the co-handling bureaus whose opinion the item now waits for (those that gave one before
 * are not asked again); none recorded — every reassignment before co-handling opinions existed — means all of them.
 */
@EventName("SubmissionReassigned")
@Revision("1")
public record SubmissionReassigned(
        String submissionId,
        String leadBureau,
        List<String> coBureaus,
        String reason,
        Instant reassignedAt,
        Instant dueAt,
        List<String> awaitedOpinions) {

    public SubmissionReassigned {
        awaitedOpinions = awaitedOpinions == null ? coBureaus : List.copyOf(awaitedOpinions);
    }

    /** A reassignment that waits for every co-handling bureau's opinion. */
    public SubmissionReassigned(String submissionId, String leadBureau, List<String> coBureaus, String reason,
                                Instant reassignedAt, Instant dueAt) {
        this(submissionId, leadBureau, coBureaus, reason, reassignedAt, dueAt, coBureaus);
    }
}
