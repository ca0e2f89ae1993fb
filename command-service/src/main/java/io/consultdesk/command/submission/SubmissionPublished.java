package io.consultdesk.command.submission;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The submission appeared as row {@code rowNumber} (序号) of version {@code tableVersion} of its consultation's table. */
@Revision("1")
public record SubmissionPublished(
        String submissionId,
        String consultationId,
        int tableVersion,
        int rowNumber,
        Instant publishedAt) {
}
