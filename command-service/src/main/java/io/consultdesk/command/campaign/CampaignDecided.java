package io.consultdesk.command.campaign;

import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The bureau {@code bureau} decided the campaign cluster {@code clusterId} once, for its members it leads: outcome,
 * its class and reason, as a decision of a single item has them. {@code decisionId} ({@code <cluster>/<n>}, n
 * counting the cluster's decisions) is what each member's own decision event refers to — the members are named there,
 * each in its own history, so that this event stays small however large the campaign; {@code memberCount} is how
 * many members the deciding desk named. A cluster whose members are led by several
 * bureaus has one decision per bureau; deciding again replaces that bureau's decision for the members not yet
 * published.
 */
@EventName("CampaignDecided")
@Revision("1")
public record CampaignDecided(String clusterId, String consultationId, String decisionId, String bureau, String outcome,
                              OutcomeClass outcomeClass, String reason, int memberCount, Instant decidedAt) {
}
