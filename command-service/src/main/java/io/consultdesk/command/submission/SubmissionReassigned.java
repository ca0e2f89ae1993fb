package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A supervisor moved the submission to other bureaus, for the reason given; the new lead has until {@code dueAt}. */
@EventName("SubmissionReassigned")
@Revision("1")
public record SubmissionReassigned(
        String submissionId,
        String leadBureau,
        List<String> coBureaus,
        String reason,
        Instant reassignedAt,
        Instant dueAt) {
}
