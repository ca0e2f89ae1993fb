package io.consultdesk.command.campaign;

/**
 * A comment found to be a near-copy: the cluster it joins, that cluster's representative, how alike they are, and
 * what the cluster's confirmation and decisions say to a joiner.
 */
public record CampaignMatch(String clusterId, String representativeId, double similarity, CampaignTerms terms) {

    public CampaignMatch(String clusterId, String representativeId, double similarity) {
        this(clusterId, representativeId, similarity, CampaignTerms.NONE);
    }
}
