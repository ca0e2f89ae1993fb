package io.consultdesk.query.campaign;

import io.consultdesk.query.feed.LiveViews;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A consultation's clusters, read by key: its document of cluster ids, then the clusters by {@code _id $in}. */
@Component
public class CampaignClusters {

    private final LiveViews views;

    public CampaignClusters(LiveViews views) {
        this.views = views;
    }

    /** Largest first; clusters of one size by id. Empty when the consultation has none (or is unknown). */
    public List<CampaignCluster> of(String consultationId) {
        Document consultation = views.collection(CampaignClusterProjection.BY_CONSULTATION)
                .find(new Document("_id", consultationId)).first();
        if (consultation == null) {
            return List.of();
        }
        List<String> keys = consultation.getList("clusterIds", String.class, List.of()).stream()
                .map(id -> CampaignClusterProjection.key(consultationId, id)).toList();
        List<CampaignCluster> clusters = new ArrayList<>();
        for (Document d : views.collection(CampaignClusterProjection.CLUSTERS).find(new Document("_id", new Document("$in", keys)))) {
            String representative = d.getString("representativeId");
            List<String> members = new ArrayList<>();
            members.add(representative);
            d.getList("memberIds", String.class, List.of()).stream().filter(m -> !m.equals(representative)).sorted().forEach(members::add);
            clusters.add(new CampaignCluster(d.getString("clusterId"), members.size(), representative, List.copyOf(members)));
        }
        clusters.sort(Comparator.comparingInt(CampaignCluster::size).reversed().thenComparing(CampaignCluster::id));
        return clusters;
    }
}
