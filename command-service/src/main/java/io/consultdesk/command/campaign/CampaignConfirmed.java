package io.consultdesk.command.campaign;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A supervisor confirmed that the cluster {@code clusterId} of consultation {@code consultationId} is a campaign:
 * its members are near-copies to be answered alike. {@code applyDecisionsToJoiners}: whether a comment that joins
 * the cluster later takes the decision its lead bureau made for the cluster at once (else it gets the decision as a
 * proposal, which the bureau applies by deciding the cluster again). Confirming again records the new choice.
 */
@EventName("CampaignConfirmed")
@Revision("1")
public record CampaignConfirmed(String clusterId, String consultationId, boolean applyDecisionsToJoiners, Instant confirmedAt) {
}
