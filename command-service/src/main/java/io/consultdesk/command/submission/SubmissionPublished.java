package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The submission appeared as row {@code rowNumber} (序号) of version {@code tableVersion} of its
 * consultation's table, exactly as shown here: the masked submitter, the opinion in full, and the
 * decision (采纳情况) as outcome plus reason. A published row is a record of its own; later changes to the
 * item do not alter it.
 */
@EventName("SubmissionPublished")
@Revision("1")
public record SubmissionPublished(
        String submissionId,
        String consultationId,
        int tableVersion,
        int rowNumber,
        String submitterPublicName,
        String opinion,
        String outcome,
        String decisionText,
        Instant publishedAt) {
}
