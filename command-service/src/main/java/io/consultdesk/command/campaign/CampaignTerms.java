package io.consultdesk.command.campaign;

import io.consultdesk.command.consultation.OutcomeClass;

import java.util.List;
import java.util.Optional;

/**
 * What a campaign cluster's confirmation and decisions say to a comment joining it: whether it takes its lead
 * bureau's decision at once, and the decision of each bureau that decided the cluster (the latest of each).
 */
public record CampaignTerms(boolean applyDecisionsToJoiners, List<Decision> decisions) {

    public static final CampaignTerms NONE = new CampaignTerms(false, List.of());

    public CampaignTerms {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** A bureau's decision of the cluster. */
    public record Decision(String decisionId, String bureau, String outcome, OutcomeClass outcomeClass, String reason) {
    }

    /** The decision {@code bureau} made for the cluster, if it made one. */
    public Optional<Decision> decisionOf(String bureau) {
        return decisions.stream().filter(d -> d.bureau().equals(bureau)).findFirst();
    }
}
