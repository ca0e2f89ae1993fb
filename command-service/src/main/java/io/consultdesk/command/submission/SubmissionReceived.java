package io.consultdesk.command.submission;

import io.consultdesk.command.personaldata.SealedPersonalData;
import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A comment was received. The submitter's name and contact details are sealed (encrypted with a key of
 * their own, so that erasing the key erases them); only the masked public name is in the clear. The
 * citations were extracted on receipt, so a replay never re-parses the text.
 */
@EventName("SubmissionReceived")
@Revision("1")
public record SubmissionReceived(
        String submissionId,
        String consultationId,
        SubmitterKind submitterKind,
        String submitterPublicName,
        SealedPersonalData sealedSubmitter,
        String opinion,
        Channel channel,
        Instant receivedAt,
        LetterReference letter,
        List<String> citedClauses,
        List<String> citedChapters) {
}
