package io.consultdesk.command.campaign;

/**
 * The comment a cluster is compared by: new comments join when they are near enough to it. {@code clusterId} is
 * the cluster a comment like it joins — its own, or the one its cluster was merged into — and {@code terms} what
 * that cluster's confirmation and decisions say to a joiner.
 */
public record Representative(String clusterId, String representativeId, Signature signature, CampaignTerms terms) {

    /** A representative of a cluster nobody has confirmed or decided. */
    public Representative(String clusterId, String representativeId, Signature signature) {
        this(clusterId, representativeId, signature, CampaignTerms.NONE);
    }
}
