package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The comment repeats another submission and is handled there. */
@EventName("SubmissionMarkedDuplicate")
@Revision("1")
public record SubmissionMarkedDuplicate(String submissionId, String duplicateOf, String reason, Instant markedAt) {
}
