package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The submitter withdrew the comment; it will not be published. */
@EventName("SubmissionWithdrawn")
@Revision("1")
public record SubmissionWithdrawn(String submissionId, String reason, Instant withdrawnAt) {
}
