package io.consultdesk.command.campaign;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A comment was found, on receipt, to be a near-copy of an earlier one: it joined the campaign cluster
 * {@code clusterId}, whose representative is {@code representativeId} (the cluster's first comment, whose id the
 * cluster's id is), its estimated similarity to the representative being {@code similarity} (the share of
 * signature values they agree on, 0 to 1). The representative is a member from the first join on; a cluster is
 * exactly the representative and the comments recorded as joining it, so a replay rebuilds it as it was found.
 */
@EventName("SubmissionJoinedCampaign")
@Revision("1")
public record SubmissionJoinedCampaign(String submissionId, String consultationId, String clusterId, String representativeId,
                                       double similarity, Instant joinedAt) {
}
