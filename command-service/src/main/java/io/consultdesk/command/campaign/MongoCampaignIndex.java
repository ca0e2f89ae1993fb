package io.consultdesk.command.campaign;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.consultdesk.command.consultation.OutcomeClass;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The index in one collection, read and written by {@code _id} only (the only filter the development store
 * answers from an index, and one real MongoDB answers from {@code _id}'s):
 * <ul>
 *   <li>a band: {@code _id} = {@code <consultation>|<band>|<hash>}, {@code clusters}: the ids of the clusters whose
 *       representative has that band (the first {@value #MOST_PER_BAND}; a band that many share says little);</li>
 *   <li>a cluster: {@code _id} = {@code <consultation>|cluster|<cluster id>}, its representative's id and signature;
 *       once acted on, its {@code terms} (confirmation and decisions, see {@link CampaignTerms}); once merged into
 *       another, that one's id and representative (and terms) in place of its own, while the other lists it among its
 *       {@code aliases}.</li>
 * </ul>
 * A lookup is one {@code _id $in} of all the comment's bands and, when they lead anywhere, one {@code _id $in} of
 * the clusters they lead to; remembering a representative is one unordered bulk write of its cluster and its bands,
 * each an upsert, so that writing it again (a retry) changes nothing that matters.
 */
public final class MongoCampaignIndex implements CampaignIndex {

    /** The collection's name, in command-service's database. */
    public static final String COLLECTION = "campaign_index";
    static final int MOST_PER_BAND = 64;

    private final MongoCollection<Document> index;

    public MongoCampaignIndex(MongoCollection<Document> index) {
        this.index = index;
    }

    @Override
    public List<Representative> candidates(String consultationId, List<String> bandKeys) {
        List<String> ids = bandKeys.stream().map(key -> consultationId + "|" + key).toList();
        Map<String, List<String>> byBand = new HashMap<>();
        for (Document band : index.find(new Document("_id", new Document("$in", ids)))) {
            byBand.put(band.getString("_id"), band.getList("clusters", String.class, List.of()));
        }
        if (byBand.isEmpty()) {
            return List.of();
        }
        // the buckets in the bands' order, so that ties rank alike on every instance
        List<List<String>> buckets = ids.stream().map(id -> byBand.getOrDefault(id, List.of())).toList();
        List<String> clusters = SharedBands.ranked(buckets, MOST_CANDIDATES);
        Map<String, Representative> found = new HashMap<>();
        for (Document cluster : index.find(new Document("_id", new Document("$in",
                clusters.stream().map(id -> clusterKey(consultationId, id)).toList())))) {
            // keyed by the key it was found under: a merged cluster's document names the cluster it now sends to
            found.put(cluster.getString("_id"), new Representative(cluster.getString("clusterId"),
                    cluster.getString("representativeId"), Signature.fromBytes(cluster.get("signature", Binary.class).getData()),
                    terms(cluster.get("terms", Document.class))));
        }
        return clusters.stream().map(id -> found.get(clusterKey(consultationId, id))).filter(Objects::nonNull).toList();
    }

    @Override
    public void remember(String consultationId, Representative representative, List<String> bandKeys) {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        List<WriteModel<Document>> writes = new ArrayList<>();
        writes.add(new UpdateOneModel<>(new Document("_id", clusterKey(consultationId, representative.clusterId())),
                new Document("$setOnInsert", new Document("consultationId", consultationId)
                        .append("clusterId", representative.clusterId())
                        .append("representativeId", representative.representativeId())
                        .append("signature", new Binary(representative.signature().toBytes()))), upsert));
        for (String key : bandKeys) {
            writes.add(new UpdateOneModel<>(new Document("_id", consultationId + "|" + key),
                    new Document("$push", new Document("clusters", new Document("$each", List.of(representative.clusterId()))
                            .append("$slice", MOST_PER_BAND))), upsert));
        }
        index.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static String clusterKey(String consultationId, String clusterId) {
        return consultationId + "|cluster|" + clusterId;
    }

    @Override
    public void describe(String consultationId, String clusterId, CampaignTerms terms) {
        Document cluster = index.find(new Document("_id", clusterKey(consultationId, clusterId))).first();
        List<String> keys = new ArrayList<>();
        keys.add(clusterKey(consultationId, clusterId));
        if (cluster != null) {
            cluster.getList("aliases", String.class, List.of()).forEach(alias -> keys.add(clusterKey(consultationId, alias)));
        }
        index.updateMany(new Document("_id", new Document("$in", keys)), new Document("$set", new Document("terms", document(terms))));
    }

    @Override
    public void redirect(String consultationId, String fromClusterId, String toClusterId, String toRepresentativeId) {
        Document target = index.find(new Document("_id", clusterKey(consultationId, toClusterId))).first();
        Document terms = target == null ? null : target.get("terms", Document.class);
        List<String> aliases = new ArrayList<>(List.of(fromClusterId));
        Document from = index.find(new Document("_id", clusterKey(consultationId, fromClusterId))).first();
        if (from != null) {
            aliases.addAll(from.getList("aliases", String.class, List.of())); // clusters merged into it earlier follow it
        }
        Document redirected = new Document("clusterId", toClusterId).append("representativeId", toRepresentativeId);
        if (terms != null) {
            redirected.append("terms", terms);
        }
        index.updateMany(new Document("_id", new Document("$in", aliases.stream().map(a -> clusterKey(consultationId, a)).toList())),
                new Document("$set", redirected));
        index.updateOne(new Document("_id", clusterKey(consultationId, toClusterId)),
                new Document("$addToSet", new Document("aliases", new Document("$each", aliases))));
    }

    private static Document document(CampaignTerms terms) {
        List<Document> decisions = terms.decisions().stream().map(d -> new Document("decisionId", d.decisionId())
                .append("bureau", d.bureau()).append("outcome", d.outcome())
                .append("outcomeClass", d.outcomeClass() == null ? null : d.outcomeClass().name()).append("reason", d.reason())).toList();
        return new Document("applyDecisionsToJoiners", terms.applyDecisionsToJoiners()).append("decisions", decisions);
    }

    private static CampaignTerms terms(Document terms) {
        if (terms == null) {
            return CampaignTerms.NONE;
        }
        return new CampaignTerms(terms.getBoolean("applyDecisionsToJoiners", false),
                terms.getList("decisions", Document.class, List.of()).stream().map(d -> new CampaignTerms.Decision(
                        d.getString("decisionId"), d.getString("bureau"), d.getString("outcome"),
                        d.getString("outcomeClass") == null ? null : OutcomeClass.valueOf(d.getString("outcomeClass")),
                        d.getString("reason"))).toList());
    }
}
