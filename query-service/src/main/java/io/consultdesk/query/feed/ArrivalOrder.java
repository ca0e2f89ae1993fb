package io.consultdesk.query.feed;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers an aggregate collection's documents in the order they reach the read side: {@value #ALL} counts
 * across the collection, {@value #IN_GROUP} within a group (a consultation), as {@code <group>|<number>}.
 * Both fields carry unique indexes, so "the documents numbered n to n+k" is one {@code $in} of keys — which
 * every store answers from an index (the development store answers nothing else from one), however many
 * documents there are. The status board reads its pages that way ({@code board.FirstPageByArrival}).
 * <p>
 * A batch reserves the numbers of all its new documents with one update of a counter document
 * ({@code $inc}, the values before returned). A batch that is retried, or loses a document to another writer,
 * leaves numbers unused: readers step over gaps. Each generation of views counts afresh (a replay numbers the
 * documents in the order it applies them).
 */
public final class ArrivalOrder {

    public static final String ALL = "arrival";
    public static final String IN_GROUP = "arrivalInGroup";
    /** The collection holding one counter document per numbered collection. */
    public static final String COUNTERS = "arrivals";
    private static final String GROUPS = "groups";

    private final Views views;
    private final String collection;
    private final String groupField;

    ArrivalOrder(Views views, String collection, String groupField) {
        this.views = views;
        this.collection = collection;
        this.groupField = groupField;
        // sparse: documents numbered before these fields existed have none (a replay numbers them)
        IndexOptions uniqueWhereSet = new IndexOptions().unique(true).sparse(true);
        views.collection(collection).createIndex(Indexes.ascending(ALL), uniqueWhereSet);
        views.collection(collection).createIndex(Indexes.ascending(IN_GROUP), uniqueWhereSet);
    }

    /** The key of the {@code number}th document of {@code group}. */
    public static String groupKey(String group, long number) {
        return group + "|" + String.format("%010d", number);
    }

    /** How many numbers have been given out in {@code collection}, overall and in {@code group} (null: overall only). */
    public static long issued(Views views, String collection, String group) {
        Document counters = views.collection(COUNTERS).find(new Document("_id", collection)).first();
        if (counters == null) {
            return 0;
        }
        Object n = group == null ? counters.get(ALL)
                : counters.get(GROUPS, new Document()).get(Summary.segment(group));
        return n instanceof Number number ? number.longValue() : 0;
    }

    /**
     * Adds the next numbers to the fields of documents about to be created, in the order given: one round trip
     * for all of them.
     */
    void number(List<Document> created) {
        if (created.isEmpty()) {
            return;
        }
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        for (Document fields : created) {
            String group = fields.getString(groupField);
            if (group != null) {
                perGroup.merge(group, 1, Integer::sum);
            }
        }
        Document inc = new Document(ALL, (long) created.size());
        perGroup.forEach((group, n) -> inc.append(GROUPS + "." + Summary.segment(group), (long) n));
        Document before = reserve(views.collection(COUNTERS), collection, inc);
        long all = before == null ? 0 : before.get(ALL, Number.class).longValue();
        Document groups = before == null ? new Document() : before.get(GROUPS, new Document());
        Map<String, Long> next = new LinkedHashMap<>();
        for (Document fields : created) {
            fields.put(ALL, ++all);
            String group = fields.getString(groupField);
            if (group != null) {
                long n = next.merge(group, 1L, Long::sum);
                Object base = groups.get(Summary.segment(group));
                fields.put(IN_GROUP, groupKey(group, (base instanceof Number b ? b.longValue() : 0) + n));
            }
        }
    }

    /**
     * Adds {@code inc} to counter document {@code id}, created if missing; returns it as it was before (null: it was
     * not there). The value before, not after: under concurrency the development store's "after" repeats values.
     */
    static Document reserve(MongoCollection<Document> counters, String id, Document inc) {
        FindOneAndUpdateOptions before = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
        try {
            return counters.findOneAndUpdate(new Document("_id", id), new Document("$inc", inc), before);
        } catch (MongoWriteException | MongoCommandException e) {
            // two writers creating the counter document at once: one of the upserts loses; the document now exists
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return counters.findOneAndUpdate(new Document("_id", id), new Document("$inc", inc), before);
        }
    }
}
