package io.consultdesk.query.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A cluster of near-copies: its id, how many items it has, the representative and every member (the representative
 * first), the representative's opinion, whether a supervisor confirmed it (and lets joiners take its decisions at
 * once), and each lead bureau's decision of it.
 */
public record CampaignCluster(String id, int size, String representativeId, List<String> memberIds, String representativeOpinion,
                              boolean confirmed, boolean applyDecisionsToJoiners, List<Decision> decisions) {

    /** A bureau's decision of the whole cluster, and how many members it named. */
    public record Decision(String decisionId, String bureau, String outcome, String reason, int memberCount, Instant decidedAt) {
    }
}
