package io.consultdesk.query.campaign;

import java.util.List;

/** A cluster of near-copies: its id, how many items it has, the representative and every member (the representative first). */
public record CampaignCluster(String id, int size, String representativeId, List<String> memberIds) {
}
