package io.consultdesk.command.submission;

import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.kernel.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/** The commands on a submission. The actor always comes from the authenticated principal. */
public final class Commands {

    private Commands() {
    }

    /**
     * Receive one comment; citations are extracted and routing decided before the aggregate exists.
     * {@code chosenClause}: the clause the submitter chose to comment on, or null.
     */
    public record ReceiveSubmission(
            String submissionId,
            String consultationId,
            Submitter submitter,
            String opinion,
            Channel channel,
            Instant receivedAt,
            LetterReference letter,
            Actor actor,
            String chosenClause) {

        public ReceiveSubmission(String submissionId, String consultationId, Submitter submitter, String opinion, Channel channel,
                                 Instant receivedAt, LetterReference letter, Actor actor) {
            this(submissionId, consultationId, submitter, opinion, channel, receivedAt, letter, actor, null);
        }
    }

    public record ReassignSubmission(
            @TargetAggregateIdentifier String submissionId, String leadBureau, List<String> coBureaus,
            String reason, @TargetAggregateVersion Long expectedVersion, Instant at, Actor actor) {
    }

    /**
     * Decide, or revise a decision not yet published. The outcome must be in the consultation's vocabulary;
     * {@code consideredOpinions} names co-handling bureaus whose opinions on the item were taken into account.
     */
    public record DecideSubmission(
            String submissionId, String outcome, String reason, Long expectedVersion, Instant at, Actor actor,
            List<String> consideredOpinions) {

        public DecideSubmission {
            consideredOpinions = consideredOpinions == null ? List.of() : List.copyOf(consideredOpinions);
        }

        public DecideSubmission(String submissionId, String outcome, String reason, Long expectedVersion, Instant at, Actor actor) {
            this(submissionId, outcome, reason, expectedVersion, at, actor, List.of());
        }
    }

    /** A co-handling bureau's opinion on an item (协办意见), given by one of its officials. */
    public record GiveCoHandlingOpinion(
            @TargetAggregateIdentifier String submissionId, String opinion, Instant at, Actor actor) {
    }

    public record WithdrawSubmission(
            @TargetAggregateIdentifier String submissionId, String reason, @TargetAggregateVersion Long expectedVersion, Instant at, Actor actor) {
    }

    public record RejectSubmission(
            @TargetAggregateIdentifier String submissionId, String reason, @TargetAggregateVersion Long expectedVersion, Instant at, Actor actor) {
    }

    public record MarkDuplicate(
            @TargetAggregateIdentifier String submissionId, String duplicateOf, String reason, @TargetAggregateVersion Long expectedVersion,
            Instant at, Actor actor) {
    }

    /**
     * One imported row: received and routed, and decided when {@code decisionText} (采纳情况) is given. A
     * table with a reason column of its own gives it as {@code reasonText} (null when it has none). A dry
     * run checks everything and records nothing. {@code published} is set for a row of a table that was
     * already published: its name is kept as written and its 序号 ({@code publishedRowNumber}) kept in the
     * consultation's table. {@code file} names the table, for the words its import adds to the vocabulary.
     */
    public record ImportSubmission(ReceiveSubmission receive, String decisionText, String reasonText, boolean dryRun,
                                   String file, boolean published, Integer publishedRowNumber) {

        /** A row of a table not published before. */
        public ImportSubmission(ReceiveSubmission receive, String decisionText, String reasonText, boolean dryRun) {
            this(receive, decisionText, reasonText, dryRun, null, false, null);
        }
    }

    /** Erase the submitter's personal data (name, contact) by deleting its key; history stays. */
    public record EraseSubmitter(String submissionId, String reason, Instant at, Actor actor) {
    }

    /** Sent by a consultation's publication for each row of the table. */
    public record PublishSubmission(
            @TargetAggregateIdentifier String submissionId, String consultationId, int tableVersion, int rowNumber,
            Instant at, Actor actor) {
    }

    /**
     * Sent for each member a campaign decision names: the member led by {@code bureau} takes the decision
     * ({@code decisionId}) as its own, one led by another bureau gets it as a proposal.
     */
    public record ApplyCampaignDecision(
            @TargetAggregateIdentifier String submissionId, String clusterId, String decisionId, String bureau, String outcome,
            OutcomeClass outcomeClass, String reason, Instant at, Actor actor) {
    }

    /**
     * A supervisor moves the item out of campaign cluster {@code fromClusterId} (where it must be) into cluster
     * {@code toClusterId} (merging), or into none when {@code toClusterId} is null (splitting).
     */
    public record RegroupSubmission(
            @TargetAggregateIdentifier String submissionId, String consultationId, String fromClusterId, String toClusterId,
            String toRepresentativeId, String reason, Instant at, Actor actor) {
    }
}
