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
 * <p>
 * A row imported from a table that was already published ({@code published=true}) carries its 序号 there,
 * {@code publishedRowNumber}, which its consultation's table keeps, and {@code publicNameAsWritten} true: its
 * public name is the name exactly as that table printed it, not a masked form. Both are absent otherwise.
 * <p>
 * {@code chosenClauses}: the clauses the submitter chose to comment on (the public page's comment on a clause),
 * recorded beside the extracted ones and routed first; none recorded — every comment before the choice existed —
 * means none.
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
        Integer publishedRowNumber,
        Boolean publicNameAsWritten,
        List<String> chosenClauses) {

    public SubmissionReceived {
        chosenClauses = chosenClauses == null ? List.of() : List.copyOf(chosenClauses);
    }

    /** A comment received in the ordinary way: no published 序号, the public name masked, no clause chosen. */
    public SubmissionReceived(String submissionId, String consultationId, SubmitterKind submitterKind,
                              String submitterPublicName, SealedPersonalData sealedSubmitter, String opinion, Channel channel,
                              Instant receivedAt, LetterReference letter, List<String> citedClauses, List<String> citedChapters) {
        this(submissionId, consultationId, submitterKind, submitterPublicName, sealedSubmitter, opinion, channel, receivedAt,
                letter, citedClauses, citedChapters, null, null, List.of());
    }

    /** As above, with a published 序号 and name from an imported table; no clause chosen. */
    public SubmissionReceived(String submissionId, String consultationId, SubmitterKind submitterKind,
                              String submitterPublicName, SealedPersonalData sealedSubmitter, String opinion, Channel channel,
                              Instant receivedAt, LetterReference letter, List<String> citedClauses, List<String> citedChapters,
                              Integer publishedRowNumber, Boolean publicNameAsWritten) {
        this(submissionId, consultationId, submitterKind, submitterPublicName, sealedSubmitter, opinion, channel, receivedAt,
                letter, citedClauses, citedChapters, publishedRowNumber, publicNameAsWritten, List.of());
    }
}
