package io.consultdesk.query.feed;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Each bureau's own list of the items of a consultation, in the order they reached it: entry {@code n} of
 * (consultation, bureau) is the document {@code {_id: "<consultation>|<bureau>|<n>", item}}, so "the entries
 * n to n+k" is one {@code _id $in} of keys — which every store answers from its index, however many items the
 * consultation has. The status board reads a bureau's page that way ({@code board.FirstPageByArrival}) where
 * the consultation's own numbering would examine tens of thousands of items to find a rare bureau's fifty.
 * <p>
 * An entry is added when an item gains the bureau (routed, reassigned) and never removed: an item that leaves
 * the bureau keeps its entry, and one that comes back gets another. Readers take the list as candidates, test
 * each item's document as it is now and skip repeats, so the list may hold more than the bureau's items but
 * never fewer: a batch writes its entries before the items' documents, and one retried writes them again.
 * <p>
 * A generation begun empty by this release lists every item it will hold ({@link #listed}); one carried on
 * from a release before lists only what arrived since, so its boards keep the store's query until a replay.
 */
public final class BureauArrivals {

    public static final String COLLECTION = "bureau_arrivals";
    /** The counter document (in {@link ArrivalOrder#COUNTERS}) of every list's length, and the mark of completeness. */
    private static final String COUNTER = "bureau_arrivals";
    private static final String COMPLETE = "bureau_arrivals#complete";
    private static final String GROUPS = "groups";

    /** An item that gained a bureau: the entry to add to (consultation, bureau)'s list. */
    record Joined(String consultation, String bureau, String item) {
    }

    private final Views views;

    /** Marks the generation complete when it holds no item yet: every item it gets will be listed. */
    BureauArrivals(Views views, String itemCollection) {
        this.views = views;
        if (views.collection(itemCollection).find().projection(Projections.include("_id")).first() == null) {
            try {
                views.collection(ArrivalOrder.COUNTERS).insertOne(new Document("_id", COMPLETE));
            } catch (MongoWriteException e) {
                // a duplicate: another instance marked it first, which is as good
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }


    /** The key of entry {@code n} of (consultation, bureau)'s list. */
    public static String key(String consultation, String bureau, long n) {
        return consultation + "|" + bureau + "|" + String.format("%010d", n);
    }

    /**
     * How many entries (consultation, bureau)'s list has; empty when the generation's lists are not complete (see the
     * class comment). One read: the mark and the list's counter by {@code _id $in}.
     */
    public static OptionalLong listed(Views views, String consultation, String bureau) {
        String list = Summary.segment(consultation + "|" + bureau);
        boolean complete = false;
        long n = 0;
        for (Document d : views.collection(ArrivalOrder.COUNTERS).find(new Document("_id", new Document("$in", List.of(COMPLETE, COUNTER))))
                .projection(Projections.include(GROUPS + "." + list))) {
            if (COMPLETE.equals(d.get("_id"))) {
                complete = true;
            } else if (d.get(GROUPS, new Document()).get(list) instanceof Number length) {
                n = length.longValue();
            }
        }
        return complete ? OptionalLong.of(n) : OptionalLong.empty();
    }

    /** Adds the entries, in the order given: one counter update and one insert for all of them. */
    void record(List<Joined> joined) {
        if (joined.isEmpty()) {
            return;
        }
        Map<String, Integer> perList = new LinkedHashMap<>();
        joined.forEach(j -> perList.merge(Summary.segment(j.consultation() + "|" + j.bureau()), 1, Integer::sum));
        Document inc = new Document();
        perList.forEach((list, n) -> inc.append(GROUPS + "." + list, (long) n));
        Document before = ArrivalOrder.reserve(views.collection(ArrivalOrder.COUNTERS), COUNTER, inc);
        Document lengths = before == null ? new Document() : before.get(GROUPS, new Document());
        Map<String, Long> next = new LinkedHashMap<>();
        List<Document> entries = new ArrayList<>();
        for (Joined j : joined) {
            String list = Summary.segment(j.consultation() + "|" + j.bureau());
            Object base = lengths.get(list);
            long n = (base instanceof Number b ? b.longValue() : 0) + next.merge(list, 1L, Long::sum);
            entries.add(new Document("_id", key(j.consultation(), j.bureau(), n)).append("item", j.item()));
        }
        // every key is a number just reserved from the counter: none can be there already
        views.collection(COLLECTION).insertMany(entries, new InsertManyOptions().ordered(false));
    }

    /** The item ids of entries {@code first…last} of (consultation, bureau)'s list, in list order (gaps skipped). */
    public static List<String> items(Views views, String consultation, String bureau, long first, long last) {
        List<String> keys = new ArrayList<>();
        for (long n = first; n <= last; n++) {
            keys.add(key(consultation, bureau, n));
        }
        String[] ordered = new String[keys.size()];
        views.collection(COLLECTION).find(new Document("_id", new Document("$in", keys))).batchSize(keys.size()).forEach(d -> {
            String id = d.getString("_id");
            ordered[(int) (Long.parseLong(id.substring(id.lastIndexOf('|') + 1)) - first)] = d.getString("item");
        });
        List<String> found = new ArrayList<>();
        for (String item : ordered) {
            if (item != null) {
                found.add(item);
            }
        }
        return found;
    }
}
