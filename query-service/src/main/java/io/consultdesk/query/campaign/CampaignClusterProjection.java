package io.consultdesk.query.campaign;

import io.consultdesk.query.feed.Changes;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.Projection;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.feed.Views;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Each join adds the representative and the joining item to the cluster's members, and the cluster to its
 * consultation's list; a supervisor's move ({@code SubmissionRegrouped}) adds the item to the {@code leftIds} of
 * the cluster it left and to the members of the one it entered. Only additions, so the members' events may arrive
 * in any order, from any partition, and more than once. Who is in a cluster now is read with the items: an item
 * among the cluster's {@code leftIds} is in it only if its own document says so (an item's events are in order).
 */
public class CampaignClusterProjection implements Projection {

    /** One document per cluster: {@code _id} = {@code <consultation>|<cluster>}, its representative and members. */
    public static final String CLUSTERS = "campaign_clusters";
    /** One document per consultation with clusters: {@code _id} = the consultation's id, {@code clusterIds}. */
    public static final String BY_CONSULTATION = "campaign_consultations";

    @Override
    public boolean accepts(EventEnvelope event) {
        return "SubmissionJoinedCampaign".equals(event.type()) || "SubmissionRegrouped".equals(event.type());
    }

    @Override
    public void apply(EventEnvelope e, Changes changes) {
        if ("SubmissionRegrouped".equals(e.type())) {
            regrouped(e, changes);
            return;
        }
        String consultation = e.text("consultationId");
        String cluster = e.text("clusterId");
        String representative = e.text("representativeId");
        changes.addToSet(CLUSTERS, key(consultation, cluster), cluster(consultation, cluster, representative), "memberIds",
                List.of(representative, e.aggregateId()));
        changes.addToSet(BY_CONSULTATION, consultation, new Document(), "clusterIds", List.of(cluster));
    }

    private static void regrouped(EventEnvelope e, Changes changes) {
        String consultation = e.text("consultationId");
        String from = e.text("fromClusterId");
        changes.addToSet(CLUSTERS, key(consultation, from), cluster(consultation, from, from), "leftIds", List.of(e.aggregateId()));
        String to = e.text("toClusterId");
        if (to != null) {
            String representative = e.text("toRepresentativeId");
            changes.addToSet(CLUSTERS, key(consultation, to), cluster(consultation, to, representative), "memberIds",
                    List.of(representative, e.aggregateId()));
            changes.addToSet(BY_CONSULTATION, consultation, new Document(), "clusterIds", List.of(to));
        }
    }

    private static Document cluster(String consultation, String cluster, String representative) {
        return new Document("consultationId", consultation).append("clusterId", cluster).append("representativeId", representative);
    }

    static String key(String consultationId, String clusterId) {
        return consultationId + "|" + clusterId;
    }

    /** Registers this projection with the feed, for every generation of views. */
    @Component
    @Order(6)
    public static class Registration implements Projections.Registration {
        @Override
        public Projection forViews(Views views) {
            return new CampaignClusterProjection();
        }
    }
}
