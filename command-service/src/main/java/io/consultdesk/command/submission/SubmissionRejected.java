package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The comment was rejected as invalid (spam, out of scope …); never published. */
@EventName("SubmissionRejected")
@Revision("1")
public record SubmissionRejected(String submissionId, String reason, Instant rejectedAt) {
}
