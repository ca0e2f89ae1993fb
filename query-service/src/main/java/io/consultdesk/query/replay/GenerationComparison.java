package io.consultdesk.query.replay;

import com.mongodb.client.MongoCollection;
import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.consultation.ConsultationProjection;
import io.consultdesk.query.dashboard.DashboardSummary;
import io.consultdesk.query.feed.ArrivalOrder;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.feed.SummaryFolder;
import io.consultdesk.query.publication.PublishedTableProjection;
import io.consultdesk.query.submission.SubmissionProjection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two generations of views document by document, collection by collection; summary documents by
 * their non-zero counters alone (their versions and folding marks depend on how the events were batched), items
 * without their numbers in order of arrival (which depend on it too).
 */
@Component
public class GenerationComparison {

    static final List<String> COLLECTIONS = List.of(ConsultationProjection.COLLECTION, SubmissionProjection.COLLECTION,
            PublishedTableProjection.TABLES, PublishedTableProjection.ROWS, HistoryProjection.COLLECTION, DashboardSummary.COLLECTION);
    private static final int MAX_LISTED = 20;

    private final LiveViews views;

    public GenerationComparison(LiveViews views) {
        this.views = views;
    }

    public Map<String, Object> compare(String a, String b) {
        Map<String, Object> result = new LinkedHashMap<>();
        boolean equal = true;
        for (String name : COLLECTIONS) {
            Map<String, Object> c = compare(views.of(a).collection(name), views.of(b).collection(name));
            equal &= (Boolean) c.get("equal");
            result.put(name, c);
        }
        result.put("equal", equal);
        return Map.of("a", a, "b", b, "equal", equal, "collections", result);
    }

    private static Map<String, Object> compare(MongoCollection<Document> a, MongoCollection<Document> b) {
        Map<Object, Document> left = new HashMap<>();
        boolean summaries = a.getNamespace().getCollectionName().startsWith(DashboardSummary.COLLECTION + "_");
        // a summary that counts nothing is as good as none (e.g. a bureau's, after its only item was reassigned)
        a.find().forEach(d -> {
            Document doc = summaries ? counters(d) : withoutArrival(d);
            if (doc.size() > 1 || !summaries) {
                left.put(doc.get("_id"), doc);
            }
        });
        List<Object> onlyInB = new ArrayList<>();
        List<Object> different = new ArrayList<>();
        long inB = 0;
        for (Document d : b.find()) {
            inB++;
            d = summaries ? counters(d) : withoutArrival(d);
            if (summaries && d.size() == 1) {
                inB--;
                continue;
            }
            Document other = left.remove(d.get("_id"));
            if (other == null) {
                onlyInB.add(d.get("_id"));
            } else if (!other.equals(d)) {
                different.add(d.get("_id"));
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("documentsA", inB - onlyInB.size() + left.size());
        c.put("documentsB", inB);
        c.put("onlyInA", left.keySet().stream().limit(MAX_LISTED).toList());
        c.put("onlyInB", onlyInB.stream().limit(MAX_LISTED).toList());
        c.put("different", different.stream().limit(MAX_LISTED).toList());
        c.put("equal", left.isEmpty() && onlyInB.isEmpty() && different.isEmpty());
        return c;
    }

    /**
     * A document without its numbers in order of arrival ({@link ArrivalOrder}): each generation numbers its items
     * in the order it applied them, which batching decides, not the events.
     */
    private static Document withoutArrival(Document d) {
        if (!d.containsKey(ArrivalOrder.ALL) && !d.containsKey(ArrivalOrder.IN_GROUP)) {
            return d;
        }
        Document copy = new Document(d);
        copy.remove(ArrivalOrder.ALL);
        copy.remove(ArrivalOrder.IN_GROUP);
        return copy;
    }

    /** A summary document's id and non-zero counters, as dotted paths. */
    private static Document counters(Document summary) {
        Document flat = new Document("_id", summary.get("_id"));
        flatten("", summary.get(SummaryFolder.COUNTS, new Document()), flat);
        return flat;
    }

    private static void flatten(String prefix, Document d, Document into) {
        new TreeMap<>(d).forEach((k, v) -> {
            if (v instanceof Document sub) {
                flatten(prefix + k + ".", sub, into);
            } else if (v instanceof Number n && n.longValue() != 0) {
                into.put(prefix + k, n.longValue());
            }
        });
    }
}
