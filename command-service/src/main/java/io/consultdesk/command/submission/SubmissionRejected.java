package io.consultdesk.command.submission;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The comment was rejected as invalid (spam, out of scope …); never published. */
@Revision("1")
public record SubmissionRejected(String submissionId, String reason, Instant rejectedAt) {
}
