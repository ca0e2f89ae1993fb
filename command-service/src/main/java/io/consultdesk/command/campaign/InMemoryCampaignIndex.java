package io.consultdesk.command.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The index in memory, for measuring detection on a corpus without a store. Not thread-safe. */
public final class InMemoryCampaignIndex implements CampaignIndex {

    private final Map<String, Set<String>> clustersByBand = new HashMap<>();
    private final Map<String, Representative> representatives = new HashMap<>();

    @Override
    public List<Representative> candidates(String consultationId, List<String> bandKeys) {
        List<List<String>> buckets = new ArrayList<>();
        bandKeys.forEach(key -> buckets.add(List.copyOf(clustersByBand.getOrDefault(consultationId + "|" + key, Set.of()))));
        List<Representative> found = new ArrayList<>();
        SharedBands.ranked(buckets, MOST_CANDIDATES).forEach(id -> found.add(representatives.get(consultationId + "|" + id)));
        return found;
    }

    @Override
    public void remember(String consultationId, Representative representative, List<String> bandKeys) {
        representatives.put(consultationId + "|" + representative.clusterId(), representative);
        bandKeys.forEach(key -> clustersByBand.computeIfAbsent(consultationId + "|" + key, k -> new LinkedHashSet<>())
                .add(representative.clusterId()));
    }

    @Override
    public void describe(String consultationId, String clusterId, CampaignTerms terms) {
        representatives.replaceAll((key, r) -> key.startsWith(consultationId + "|") && r.clusterId().equals(clusterId)
                ? new Representative(r.clusterId(), r.representativeId(), r.signature(), terms) : r);
    }

    @Override
    public void redirect(String consultationId, String fromClusterId, String toClusterId, String toRepresentativeId) {
        Representative target = representatives.get(consultationId + "|" + toClusterId);
        CampaignTerms terms = target == null ? CampaignTerms.NONE : target.terms();
        representatives.replaceAll((key, r) -> key.startsWith(consultationId + "|") && r.clusterId().equals(fromClusterId)
                ? new Representative(toClusterId, toRepresentativeId, r.signature(), terms) : r);
    }
}
