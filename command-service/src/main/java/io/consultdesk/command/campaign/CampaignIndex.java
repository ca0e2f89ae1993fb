package io.consultdesk.command.campaign;

import java.util.List;

/**
 * Where a consultation's LSH bands lead: each band key to the clusters whose representative has that band, and
 * each cluster to its representative's signature. A cluster is known here by its representative alone, never by
 * its members, so a lookup costs the same however large the campaign.
 */
public interface CampaignIndex {

    /**
     * The most clusters a lookup compares a comment with: those whose representatives share the most bands with
     * it. A band that many unrelated comments share (a stock phrase of a clause) then costs no more to look up.
     */
    int MOST_CANDIDATES = 8;

    /**
     * The representatives of the clusters that share any of {@code bandKeys} with a comment of the consultation, at
     * most {@link #MOST_CANDIDATES}, those sharing the most bands first.
     */
    List<Representative> candidates(String consultationId, List<String> bandKeys);

    /** Makes {@code representative} findable by its bands from now on. */
    void remember(String consultationId, Representative representative, List<String> bandKeys);

    /**
     * Records what cluster {@code clusterId}'s confirmation and decisions say to a joiner, on it and on every cluster
     * merged into it. Written again whole each time, so writing it twice changes nothing.
     */
    void describe(String consultationId, String clusterId, CampaignTerms terms);

    /**
     * Sends the comments like cluster {@code fromClusterId}'s representative to cluster {@code toClusterId} from now on
     * (the two were merged): they join it, and are told its terms.
     */
    void redirect(String consultationId, String fromClusterId, String toClusterId, String toRepresentativeId);
}
