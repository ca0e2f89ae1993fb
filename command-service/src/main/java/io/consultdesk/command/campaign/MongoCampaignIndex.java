package io.consultdesk.command.campaign;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index in one collection, read and written by {@code _id} only (the only filter the development store
 * answers from an index, and one real MongoDB answers from {@code _id}'s):
 * <ul>
 *   <li>a band: {@code _id} = {@code <consultation>|<band>|<hash>}, {@code clusters}: the ids of the clusters whose
 *       representative has that band (the first {@value #MOST_PER_BAND}; a band that many share says little);</li>
 *   <li>a cluster: {@code _id} = {@code <consultation>|cluster|<cluster id>}, its representative's id and signature.</li>
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
            found.put(cluster.getString("clusterId"), new Representative(cluster.getString("clusterId"),
                    cluster.getString("representativeId"), Signature.fromBytes(cluster.get("signature", Binary.class).getData())));
        }
        return clusters.stream().filter(found::containsKey).map(found::get).toList();
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
}
