package io.consultdesk.query.campaign;

import com.mongodb.client.model.Projections;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.submission.SubmissionProjection;
import io.consultdesk.security.Caller;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A consultation's clusters, read by key: its document of cluster ids, the clusters by {@code _id $in}, their
 * campaigns' confirmations and decisions, and the items that may have left a cluster and the representatives (for
 * their text) — four reads however many clusters.
 */
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
        List<CampaignCluster> clusters = read(consultationId, consultation.getList("clusterIds", String.class, List.of()));
        clusters.sort(Comparator.comparingInt(CampaignCluster::size).reversed().thenComparing(CampaignCluster::id));
        return clusters;
    }

    /** One cluster with its members' states, as {@code caller} may see them; empty when it has no two members. */
    public Optional<CampaignClusterDetail> detail(String consultationId, String clusterId, Caller caller) {
        List<CampaignCluster> found = read(consultationId, List.of(clusterId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CampaignCluster cluster = found.get(0);
        List<ClusterMember> members = new ArrayList<>();
        Map<String, Document> items = items(cluster.memberIds(), Projections.include("state", "leadBureau", "submitterPublicName",
                "outcome", "campaignDecisionId", SubmissionProjection.PROPOSED_DECISION));
        for (String id : cluster.memberIds()) {
            Document item = items.get(id);
            if (item == null) {
                continue; // not projected yet
            }
            if (!caller.seesAllItems() && !caller.bureau().equals(item.getString("leadBureau"))) {
                continue;
            }
            Document proposed = item.get(SubmissionProjection.PROPOSED_DECISION, Document.class);
            members.add(new ClusterMember(id, item.getString("state"), item.getString("leadBureau"), item.getString("submitterPublicName"),
                    item.getString("outcome"), item.getString("campaignDecisionId"), proposed == null ? null : proposed.getString("decisionId")));
        }
        if (!caller.seesAllItems()) {
            // an official reads the members its bureau leads, and no other's
            cluster = new CampaignCluster(cluster.id(), cluster.size(), cluster.representativeId(),
                    members.stream().map(ClusterMember::id).toList(), cluster.representativeOpinion(), cluster.confirmed(),
                    cluster.applyDecisionsToJoiners(), cluster.decisions());
        }
        return Optional.of(new CampaignClusterDetail(cluster, members));
    }

    /**
     * The cluster an item is in, to link its page to: the one its document names, or — an item that never joined one —
     * the cluster it represents, when that has members. One key read in the second case.
     */
    public Optional<String> clusterOf(String consultationId, String itemId, String recordedCluster) {
        if (recordedCluster != null) {
            return Optional.of(recordedCluster);
        }
        Document cluster = views.collection(CampaignClusterProjection.CLUSTERS)
                .find(new Document("_id", CampaignClusterProjection.key(consultationId, itemId))).first();
        return cluster == null || cluster.getList("memberIds", String.class, List.of()).size() < 2 ? Optional.empty() : Optional.of(itemId);
    }

    /** The clusters named, each with its current members; those with fewer than two are no campaign and left out. */
    private List<CampaignCluster> read(String consultationId, List<String> clusterIds) {
        List<Document> documents = new ArrayList<>();
        views.collection(CampaignClusterProjection.CLUSTERS).find(new Document("_id", new Document("$in",
                clusterIds.stream().map(id -> CampaignClusterProjection.key(consultationId, id)).toList()))).forEach(documents::add);
        Set<String> asked = new LinkedHashSet<>();
        for (Document d : documents) {
            asked.add(d.getString("representativeId"));
            asked.addAll(d.getList("leftIds", String.class, List.of()));
        }
        Map<String, Document> items = items(List.copyOf(asked), Projections.include("campaignClusterId", "opinion"));
        Map<String, Document> terms = new HashMap<>();
        views.collection(CampaignTermsProjection.COLLECTION).find(new Document("_id", new Document("$in",
                documents.stream().map(d -> CampaignTermsProjection.campaignId(d.getString("clusterId"))).toList())))
                .forEach(t -> terms.put(t.getString("clusterId"), t));
        List<CampaignCluster> clusters = new ArrayList<>();
        for (Document d : documents) {
            String id = d.getString("clusterId");
            String representative = d.getString("representativeId");
            Set<String> left = new HashSet<>(d.getList("leftIds", String.class, List.of()));
            List<String> members = new ArrayList<>();
            if (isIn(representative, id, left, items)) {
                members.add(representative);
            }
            d.getList("memberIds", String.class, List.of()).stream().filter(m -> !m.equals(representative))
                    .filter(m -> isIn(m, id, left, items)).sorted().forEach(members::add);
            if (members.size() < 2) {
                continue;
            }
            Document t = terms.getOrDefault(id, new Document());
            Document representativeItem = items.get(representative);
            clusters.add(new CampaignCluster(id, members.size(), representative, List.copyOf(members),
                    representativeItem == null ? null : representativeItem.getString("opinion"),
                    t.getBoolean("confirmed", false), t.getBoolean("applyDecisionsToJoiners", false), decisions(t)));
        }
        return clusters;
    }

    /**
     * Whether {@code member}, recorded as entering cluster {@code clusterId}, is in it now: unless it left, yes; if it
     * left, only when its own document (its events in order) says it is back — or, never having joined any cluster, it
     * is the representative of this one.
     */
    private static boolean isIn(String member, String clusterId, Set<String> left, Map<String, Document> items) {
        if (!left.contains(member)) {
            return true;
        }
        Document item = items.get(member);
        if (item == null) {
            return false;
        }
        return clusterId.equals(item.get("campaignClusterId")) || (!item.containsKey("campaignClusterId") && member.equals(clusterId));
    }

    private Map<String, Document> items(List<String> ids, Bson projection) {
        Map<String, Document> items = new HashMap<>();
        if (ids.isEmpty()) {
            return items;
        }
        views.collection(SubmissionProjection.COLLECTION).find(new Document("_id", new Document("$in", ids)))
                .projection(projection).batchSize(Math.max(2, ids.size())).forEach(d -> items.put(d.getString("_id"), d));
        return items;
    }

    private static List<CampaignCluster.Decision> decisions(Document terms) {
        Document byBureau = terms.get("decisions", Document.class);
        if (byBureau == null) {
            return List.of();
        }
        List<CampaignCluster.Decision> decisions = new ArrayList<>();
        for (Object value : byBureau.values()) {
            if (value instanceof Document d) {
                Date at = d.getDate("decidedAt");
                decisions.add(new CampaignCluster.Decision(d.getString("decisionId"), d.getString("bureau"), d.getString("outcome"),
                        d.getString("reason"), d.getInteger("memberCount", 0), at == null ? null : at.toInstant()));
            }
        }
        decisions.sort(Comparator.comparing(CampaignCluster.Decision::bureau));
        return decisions;
    }
}
