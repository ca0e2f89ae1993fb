package io.consultdesk.command.campaign;

/** A comment found to be a near-copy: the cluster it joins, that cluster's representative, and how alike they are. */
public record CampaignMatch(String clusterId, String representativeId, double similarity) {
}
