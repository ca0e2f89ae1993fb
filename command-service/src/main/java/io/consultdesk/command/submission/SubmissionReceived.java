package io.consultdesk.command.submission;

import io.consultdesk.command.personaldata.SealedPersonalData;
import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A comment was received. The submitter's name and contact details are sealed (encrypted with a key of
 * their own, so that erasing the key erases them); only the masked public name is in the clear. The
 * citations were extracted on receipt, so a replay never re-parses the text. {@code chosenClauses}: the clauses the
 * submitter chose to comment on (the public page's comment on a clause), recorded beside the extracted ones and
 * routed first; none recorded — every comment before the choice existed — means none.
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
        List<String> citedChapters,
        List<String> chosenClauses) {

    public SubmissionReceived {
        chosenClauses = chosenClauses == null ? List.of() : List.copyOf(chosenClauses);
    }

    /** A comment that chose no clause: its citations are those extracted from its text. */
    public SubmissionReceived(String submissionId, String consultationId, SubmitterKind submitterKind, String submitterPublicName,
                              SealedPersonalData sealedSubmitter, String opinion, Channel channel, Instant receivedAt,
                              LetterReference letter, List<String> citedClauses, List<String> citedChapters) {
        this(submissionId, consultationId, submitterKind, submitterPublicName, sealedSubmitter, opinion, channel, receivedAt,
                letter, citedClauses, citedChapters, List.of());
    }
}
