package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The responsible bureau (or a supervisor) decided: outcome (采纳 / 部分采纳 / 不采纳 …) and reason. */
@EventName("SubmissionDecided")
@Revision("1")
public record SubmissionDecided(
        String submissionId,
        String outcome,
        String reason,
        String decidedByBureau,
        Instant decidedAt) {
}
