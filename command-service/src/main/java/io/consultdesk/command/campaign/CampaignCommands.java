package io.consultdesk.command.campaign;

import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.kernel.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The commands on a campaign cluster as a whole. The actor always comes from the authenticated principal. */
public final class CampaignCommands {

    private CampaignCommands() {
    }

    /** The campaign aggregate's id for cluster {@code clusterId}: never an item's id, though a cluster's id is its representative's. */
    public static String campaignId(String clusterId) {
        return "campaign|" + clusterId;
    }

    /** A supervisor confirms the cluster is a campaign, and says whether later joiners take its decisions at once. */
    public record ConfirmCampaign(@TargetAggregateIdentifier String campaignId, String clusterId, String consultationId,
                                  boolean applyDecisionsToJoiners, Instant at, Actor actor) {
    }

    /**
     * {@code bureau} decides the cluster once for the members it leads: {@code outcome} is a word of the
     * consultation's vocabulary, {@code outcomeClass} its class there.
     */
    public record DecideCampaign(@TargetAggregateIdentifier String campaignId, String clusterId, String consultationId,
                                 String bureau, String outcome, OutcomeClass outcomeClass, String reason,
                                 List<String> memberIds, Instant at, Actor actor) {

        public DecideCampaign {
            memberIds = List.copyOf(memberIds);
        }
    }
}
