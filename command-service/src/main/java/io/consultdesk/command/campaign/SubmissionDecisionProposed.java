package io.consultdesk.command.campaign;

import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The campaign cluster the comment is in was decided ({@code decisionId}) by {@code proposedByBureau}, and that
 * decision is proposed for this comment without deciding it: the comment is led by another bureau, or it joined the
 * cluster after the decision and the supervisor did not allow joiners to take it at once. Its lead bureau decides it
 * (on its own or by deciding the cluster for its members).
 */
@EventName("SubmissionDecisionProposed")
@Revision("1")
public record SubmissionDecisionProposed(String submissionId, String clusterId, String decisionId, String proposedByBureau,
                                         String outcome, OutcomeClass outcomeClass, String reason, Instant proposedAt) {
}
