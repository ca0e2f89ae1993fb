package io.consultdesk.query.campaign;

import java.util.List;

/**
 * One cluster with its members' states: every member for staff who see all items, the members its bureau leads for
 * an official ({@code cluster.size()} still counts them all).
 */
public record CampaignClusterDetail(CampaignCluster cluster, List<ClusterMember> members) {
}
