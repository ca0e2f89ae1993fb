package io.consultdesk.query.board;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.consultdesk.query.feed.ArrivalOrder;
import io.consultdesk.query.feed.BureauArrivals;
import io.consultdesk.query.feed.Views;
import io.consultdesk.query.submission.SubmissionProjection;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A board page in the default order (as items arrived) read by key, however many items there are: the item
 * documents numbered {@code n…n+k} in order of arrival ({@link ArrivalOrder}: within the consultation when the
 * query names one, else overall) are one {@code $in} of their keys, tested in memory against the query
 * ({@link BoardCriteria#matches}), until the page is full.
 * <p>
 * Costs: a filter most items pass (a consultation, a common state, a bureau, a clause, an outcome) fills the
 * first page from the first keys it reads — one or two round trips. A rarer one reads more keys per item it
 * shows. Where the summary's count says a page would take more than {@value #MAX_EXAMINED} numbers examined,
 * or a walk without a count (a text) has examined that many, the board asks the store its query instead (a
 * scan and a sort of the matches on the development store, an index on MongoDB): by then the matches are few,
 * and the development store sorts every match in memory — the walk is what keeps a page of a common filter
 * over a million items from sorting them all. Deep pages cost in proportion to their depth, as skipping does.
 * <p>
 * A consultation's page for one bureau walks the bureau's own list ({@link BureauArrivals}) where the generation
 * keeps complete lists: a bureau that leads few of the consultation's items is then as quick as one that leads most.
 */
final class FirstPageByArrival {

    /** Keys read per round trip, at most. */
    static final int CHUNK = 1_000;
    /** Numbers examined before the store's own query is the better choice. */
    static final int MAX_EXAMINED = 20_000;
    /** What a board row needs of an item: all but its routing basis and what the summaries are owed. */
    private static final Bson ITEM_FIELDS = Projections.exclude("routingBasis", "summaryOwed");

    private final Views views;

    FirstPageByArrival(Views views) {
        this.views = views;
    }

    /**
     * The page's items in order of arrival, or empty when this way does not answer it: some items have no
     * number yet (numbered before numbering existed: a replay numbers them), or too many numbers had to be
     * examined.
     *
     * @param matching how many items match, from the summary; null when no summary counts them (a text): then the
     *                 walk tries within its budget, and a page it cannot fill there has few matches to sort
     * @param itemsInScope how many items the consultation (or all consultations) has, from its summary
     */
    Optional<List<Document>> page(BoardFilter filter, BoardCriteria criteria, Long matching, long itemsInScope) {
        long skip = (long) filter.page() * filter.size();
        if (matching != null && skip >= matching) {
            return Optional.of(List.of()); // the summary counts fewer: nothing to read
        }
        String group = filter.consultation();
        MongoCollection<Document> items = views.collection(SubmissionProjection.COLLECTION);
        if (group != null && filter.bureau() != null) {
            OptionalLong listed = BureauArrivals.listed(views, group, filter.bureau());
            if (listed.isPresent()) {
                if (matching != null && tooFarToWalk(filter, skip, listed.getAsLong(), matching)) {
                    return Optional.empty();
                }
                return walk(filter, criteria, skip, listed.getAsLong(),
                        (first, last) -> listedItems(items, group, filter.bureau(), first, last));
            }
        }
        if (matching != null && tooFarToWalk(filter, skip, itemsInScope, matching)) {
            return Optional.empty();
        }
        long issued = ArrivalOrder.issued(views, SubmissionProjection.COLLECTION, group);
        if (issued < itemsInScope) {
            return Optional.empty();
        }
        return walk(filter, criteria, skip, issued, (first, last) -> read(items, group, first, last));
    }

    /**
     * Items spread evenly over {@code numbers}, whether a page needs more of them examined than a walk may: then the
     * store's query is better — it then holds few matches (the development store sorts every match in memory).
     */
    private static boolean tooFarToWalk(BoardFilter filter, long skip, long numbers, long matching) {
        long expected = (skip + filter.size()) * Math.max(1, numbers) / matching;
        return expected > MAX_EXAMINED + skip;
    }

    /** The items numbered {@code first…last} of a walk, in its order (gaps skipped; an item may come twice). */
    private interface Numbered {
        List<Document> read(long first, long last);
    }

    /**
     * Walks numbers 1…{@code numbers} a chunk at a time, testing each item in memory and counting it once, until the
     * page is full; empty when too many numbers had to be examined.
     */
    private static Optional<List<Document>> walk(BoardFilter filter, BoardCriteria criteria, long skip, long numbers, Numbered items) {
        List<Document> page = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        long examined = 0;
        // the first read asks for about what the page needs if most items match; each further one for twice as many
        long chunk = Math.min(CHUNK, Math.max(50, 2 * (skip + filter.size())));
        for (long first = 1; first <= numbers && page.size() < filter.size(); first += chunk, chunk = Math.min(CHUNK, 2 * chunk)) {
            if (examined >= MAX_EXAMINED + skip) {
                return Optional.empty();
            }
            long last = Math.min(numbers, first + chunk - 1);
            List<Document> numbered = items.read(first, last);
            examined += last - first + 1;
            for (Document item : numbered) {
                if (seen.add(item.get("_id")) && criteria.matches(item)) {
                    if (skip > 0) {
                        skip--;
                    } else if (page.size() < filter.size()) {
                        page.add(item);
                    }
                }
            }
        }
        return Optional.of(page);
    }

    /**
     * The items of entries {@code first…last} of one bureau's list of a consultation's items ({@link BureauArrivals}),
     * in the order they reached it: one {@code _id $in} of the entries and one of their items. An item may have
     * left the bureau since (the walk tests it as it is now) or come back (it is there twice).
     */
    private List<Document> listedItems(MongoCollection<Document> items, String group, String bureau, long first, long last) {
        List<String> ids = BureauArrivals.items(views, group, bureau, first, last);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Document> byId = new HashMap<>();
        items.find(Filters.in("_id", ids.stream().distinct().toList())).projection(ITEM_FIELDS).batchSize(ids.size())
                .forEach(d -> byId.put(d.getString("_id"), d));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The items numbered {@code first…last} (gaps skipped), in that order. */
    private static List<Document> read(MongoCollection<Document> items, String group, long first, long last) {
        String field = group == null ? ArrivalOrder.ALL : ArrivalOrder.IN_GROUP;
        List<Object> keys = new ArrayList<>();
        for (long n = first; n <= last; n++) {
            keys.add(group == null ? (Object) n : ArrivalOrder.groupKey(group, n));
        }
        Document[] ordered = new Document[(int) (last - first + 1)];
        items.find(Filters.in(field, keys)).projection(ITEM_FIELDS)
                .batchSize(keys.size())
                .forEach(d -> ordered[(int) (number(d, group) - first)] = d);
        List<Document> found = new ArrayList<>();
        for (Document d : ordered) {
            if (d != null) {
                found.add(d);
            }
        }
        return found;
    }

    private static long number(Document item, String group) {
        if (group == null) {
            return item.get(ArrivalOrder.ALL, Number.class).longValue();
        }
        String key = item.getString(ArrivalOrder.IN_GROUP);
        return Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
    }
}
