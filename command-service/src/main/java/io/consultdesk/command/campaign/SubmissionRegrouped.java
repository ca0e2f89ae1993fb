package io.consultdesk.command.campaign;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A supervisor moved the comment out of the campaign cluster {@code fromClusterId}: into the cluster
 * {@code toClusterId} (whose representative is {@code toRepresentativeId}) when clusters were merged, or into none
 * ({@code toClusterId} and {@code toRepresentativeId} null) when a cluster was split because the comment is not a
 * copy. {@code reason} says why, as the supervisor wrote it.
 */
@EventName("SubmissionRegrouped")
@Revision("1")
public record SubmissionRegrouped(String submissionId, String consultationId, String fromClusterId, String toClusterId,
                                  String toRepresentativeId, String reason, Instant regroupedAt) {
}
