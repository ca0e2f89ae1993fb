package io.consultdesk.query.board;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.consultdesk.query.feed.ArrivalOrder;
import io.consultdesk.query.feed.BureauArrivals;
import io.consultdesk.query.feed.Views;
import io.consultdesk.query.submission.SubmissionProjection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        if (filter.consultation() != null && filter.bureau() != null && BureauArrivals.complete(views)) {
            return byBureau(filter, criteria, matching, skip);
        }
        if (matching != null) {
            if (skip >= matching) {
                return Optional.of(List.of()); // the summary counts fewer: nothing to read
            }
            // items spread evenly, a page needs about this many numbers examined: too many, and the store's query
            // is better — it then holds few matches (the development store sorts every match in memory)
            long expected = (skip + filter.size()) * Math.max(1, itemsInScope) / matching;
            if (expected > MAX_EXAMINED + skip) {
                return Optional.empty();
            }
        }
        String group = filter.consultation();
        long issued = ArrivalOrder.issued(views, SubmissionProjection.COLLECTION, group);
        if (issued < itemsInScope) {
            return Optional.empty();
        }
        List<Document> page = new ArrayList<>();
        MongoCollection<Document> items = views.collection(SubmissionProjection.COLLECTION);
        long examined = 0;
        // the first read asks for about what the page needs if most items match; each further one for twice as many
        long chunk = Math.min(CHUNK, Math.max(50, 2 * (skip + filter.size())));
        for (long first = 1; first <= issued && page.size() < filter.size(); first += chunk, chunk = Math.min(CHUNK, 2 * chunk)) {
            if (examined >= MAX_EXAMINED + skip) {
                return Optional.empty();
            }
            long last = Math.min(issued, first + chunk - 1);
            List<Document> numbered = read(items, group, first, last);
            examined += last - first + 1;
            for (Document item : numbered) {
                if (criteria.matches(item)) {
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
     * A page of one bureau's items of a consultation, walking the bureau's own list ({@link BureauArrivals}) in the
     * order items reached it: each chunk of the list is one {@code _id $in} of its entries and one of their items,
     * each item tested as it is now (it may have left the bureau since) and counted once (it may have come back).
     */
    private Optional<List<Document>> byBureau(BoardFilter filter, BoardCriteria criteria, Long matching, long skip) {
        String group = filter.consultation();
        long listed = BureauArrivals.issued(views, group, filter.bureau());
        if (matching != null) {
            if (skip >= matching) {
                return Optional.of(List.of());
            }
            long expected = (skip + filter.size()) * Math.max(1, listed) / matching;
            if (expected > MAX_EXAMINED + skip) {
                return Optional.empty();
            }
        }
        List<Document> page = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        MongoCollection<Document> items = views.collection(SubmissionProjection.COLLECTION);
        long examined = 0;
        long chunk = Math.min(CHUNK, Math.max(50, 2 * (skip + filter.size())));
        for (long first = 1; first <= listed && page.size() < filter.size(); first += chunk, chunk = Math.min(CHUNK, 2 * chunk)) {
            if (examined >= MAX_EXAMINED + skip) {
                return Optional.empty();
            }
            long last = Math.min(listed, first + chunk - 1);
            List<String> ids = BureauArrivals.items(views, group, filter.bureau(), first, last);
            examined += last - first + 1;
            Map<String, Document> byId = new HashMap<>();
            items.find(Filters.in("_id", ids.stream().distinct().toList())).projection(Projections.exclude("routingBasis", "summaryOwed"))
                    .batchSize(ids.size()).forEach(d -> byId.put(d.getString("_id"), d));
            for (String id : ids) {
                Document item = byId.get(id);
                if (item != null && seen.add(id) && criteria.matches(item)) {
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

    /** The items numbered {@code first…last} (gaps skipped), in that order. */
    private static List<Document> read(MongoCollection<Document> items, String group, long first, long last) {
        String field = group == null ? ArrivalOrder.ALL : ArrivalOrder.IN_GROUP;
        List<Object> keys = new ArrayList<>();
        for (long n = first; n <= last; n++) {
            keys.add(group == null ? (Object) n : ArrivalOrder.groupKey(group, n));
        }
        Document[] ordered = new Document[(int) (last - first + 1)];
        items.find(Filters.in(field, keys)).projection(Projections.exclude("routingBasis", "summaryOwed"))
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
