package io.consultdesk.query.board;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.consultdesk.query.audit.TimelineEntry;
import io.consultdesk.query.audit.Timelines;
import io.consultdesk.query.dashboard.Counters;
import io.consultdesk.query.dashboard.Summaries;
import io.consultdesk.query.feed.Summary;
import io.consultdesk.query.feed.ArrivalOrder;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.submission.ItemAccess;
import io.consultdesk.query.submission.SubmissionProjection;
import io.consultdesk.security.Caller;
import io.consultdesk.security.Roles;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Answers board queries from the item documents, within what the caller may see. */
@Component
public class StatusBoard {

    static final Set<String> SORTABLE = Set.of("receivedAt", "assignedAt", "decidedAt", "dueAt", "state", "leadBureau", "outcome");
    /** How many items the board as of a past instant folds at once: one read of their histories each. */
    static final int FOLD_PAGE = 200;

    private final LiveViews views;
    private final Summaries summaries;
    private final Timelines timelines;
    private final Clock clock;

    public StatusBoard(LiveViews views, Summaries summaries, Timelines timelines, Clock clock) {
        this.views = views;
        this.summaries = summaries;
        this.timelines = timelines;
        this.clock = clock;
    }

    /** One page of the board: total matching, and the items of the page. */
    public record Page(long total, int page, int size, Instant asOf, List<BoardRow> items) {
    }

    /** One item's row, if the caller may see it. */
    public Optional<BoardRow> item(String id, Caller caller) {
        Document found = views.collection(SubmissionProjection.COLLECTION)
                .find(Filters.and(Filters.eq("_id", id), ItemAccess.filterFor(caller))).first();
        return Optional.ofNullable(found).map(d -> BoardRow.of(d, clock.instant()));
    }

    /**
     * How each of {@code rows} was routed (left out of board pages, which do not show it): one read by key of their
     * ids; rows the caller could see, so nothing more is revealed.
     */
    public Map<String, List<BoardRow.RoutingBasis>> routingBases(List<BoardRow> rows) {
        Map<String, List<BoardRow.RoutingBasis>> bases = new HashMap<>();
        if (rows.isEmpty()) {
            return bases;
        }
        views.collection(SubmissionProjection.COLLECTION)
                .find(new Document("_id", new Document("$in", rows.stream().map(BoardRow::id).toList())))
                .projection(Projections.include("routingBasis"))
                .forEach(d -> bases.put(d.getString("_id"), BoardRow.basis(d)));
        return bases;
    }

    public Page query(BoardFilter filter, Caller caller) {
        Instant now = clock.instant();
        if (filter.asOf() != null) {
            return asOf(filter, caller);
        }
        MongoCollection<Document> items = views.collection(SubmissionProjection.COLLECTION);
        BoardCriteria criteria = new BoardCriteria(filter, caller, now);
        boolean byArrival = filter.sort() == null || filter.sort().isBlank();
        Optional<String> countingBureau = countingBureau(filter, caller);
        Long counted = null;
        long itemsInScope = 0;
        if (countingBureau.isPresent()) {
            // what matches and how many numbers a walk may cover: both summaries in one read
            Summaries.ScopedCounters read = summaries.scopedWithTotal(filter.consultation(), countingBureau.get().isEmpty() ? null : countingBureau.get());
            counted = countedTotal(filter, read.scoped(), now);
            itemsInScope = read.itemsInConsultation();
        } else if (byArrival) {
            itemsInScope = summaries.total(filter.consultation(), null);
        }
        Bson query = criteria.filter();
        if (byArrival) {
            Optional<List<Document>> byKey = new FirstPageByArrival(views).page(filter, criteria, counted, itemsInScope);
            if (byKey.isPresent()) {
                // a total no summary counts (a text) is counted by the store: a scan there, but a streaming one
                long total = counted != null ? counted : matching(items, query);
                return new Page(total, filter.page(), filter.size(), null, byKey.get().stream().map(d -> BoardRow.of(d, now)).toList());
            }
        }
        long total = counted != null ? counted : matching(items, query);
        FindIterable<Document> found = items.find(query)
                .projection(Projections.exclude("routingBasis"))
                .sort(sort(filter.sort()))
                .skip(filter.page() * filter.size())
                .limit(filter.size());
        List<BoardRow> page = new ArrayList<>();
        found.forEach(d -> page.add(BoardRow.of(d, now)));
        return new Page(total, filter.page(), filter.size(), null, page);
    }

    /**
     * Whose summary counts the filter's matches: a consultation or all, the caller's scope or a bureau (items it
     * leads or co-handles — {@code ""} for everyone's), with at most a state, an outcome, a clause (with or without
     * an outcome) or overdue. Empty when no summary counts it (a text, two states' worth of conditions, a bureau
     * other than an official's own): then the items are counted.
     */
    private static Optional<String> countingBureau(BoardFilter f, Caller caller) {
        if (f.text() != null || Boolean.FALSE.equals(f.overdue())) {
            return Optional.empty(); // "not overdue" also leaves out open items without a due date: not a counter
        }
        String bureau;
        if (caller.seesAllItems()) {
            bureau = f.bureau() == null ? "" : f.bureau();
        } else if (caller.hasRole(Roles.OFFICIAL) && !caller.bureau().isEmpty()
                && (f.bureau() == null || f.bureau().equals(caller.bureau()))) {
            bureau = caller.bureau();
        } else {
            return Optional.empty();
        }
        int conditions = (f.state() == null ? 0 : 1) + (f.outcome() == null ? 0 : 1) + (f.clause() == null ? 0 : 1)
                + (f.overdue() == null ? 0 : 1);
        boolean clauseAndOutcome = f.clause() != null && f.outcome() != null && conditions == 2;
        return conditions > 1 && !clauseAndOutcome ? Optional.empty() : Optional.of(bureau);
    }

    /** The number of items matching a filter {@link #countingBureau} found countable, from its summary's counters. */
    private static long countedTotal(BoardFilter f, Counters n, Instant now) {
        if (f.overdue() != null) {
            return n.overdue(now);
        }
        if (f.state() != null) {
            return n.get("state." + Summary.segment(f.state()));
        }
        if (f.clause() != null && f.outcome() != null) {
            return n.get("clause." + Summary.segment(f.clause()) + ".outcome." + Summary.segment(f.outcome()));
        }
        if (f.clause() != null) {
            return n.get("clause." + Summary.segment(f.clause()) + ".items");
        }
        if (f.outcome() != null) {
            return n.get("outcome." + Summary.segment(f.outcome()));
        }
        return n.total();
    }

    /**
     * How many items match a query no summary counts (a text): their ids read and counted here. A store count
     * ({@code countDocuments}, an aggregation) makes the development store read every item into memory first;
     * a find keeps only the matches, each cut to its id.
     */
    private static long matching(MongoCollection<Document> items, Bson query) {
        long n = 0;
        for (Document ignored : items.find(query).projection(Projections.include("_id")).batchSize(10_000)) {
            n++;
        }
        return n;
    }

    private static Bson sort(String sort) {
        if (sort == null || sort.isBlank()) {
            // as items arrived (the order pages read by key follow); items from before arrivals were numbered
            // have no number and come first, as received
            return Sorts.ascending(ArrivalOrder.ALL, "receivedAt", "_id");
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        if (!SORTABLE.contains(field)) {
            throw new IllegalArgumentException("sort: '" + field + "' is not one of " + SORTABLE);
        }
        return descending ? Sorts.descending(field, "_id") : Sorts.ascending(field, "_id");
    }

    /**
     * The board as it stood at {@code filter.asOf()}: each item received by then folded from its history up to
     * that instant by the item projection's own code ({@link SubmissionProjection#fields}), a page of items at a
     * time (one read of their histories per page), and filtered as it was then. Only the rows of the requested
     * page are kept.
     */
    private Page asOf(BoardFilter filter, Caller caller) {
        Date at = Date.from(filter.asOf());
        List<Bson> base = new ArrayList<>();
        base.add(ItemAccess.filterFor(caller));
        base.add(Filters.lte("receivedAt", at));
        if (filter.consultation() != null) {
            base.add(Filters.eq("consultationId", filter.consultation()));
        }
        BoardCriteria asItWas = new BoardCriteria(filter, caller, filter.asOf());
        int from = filter.page() * filter.size();
        List<BoardRow> page = new ArrayList<>();
        long matching = 0;
        List<String> ids = new ArrayList<>(FOLD_PAGE);
        try (MongoCursor<Document> items = views.collection(SubmissionProjection.COLLECTION).find(Filters.and(base))
                .projection(Projections.include("_id")).sort(Sorts.ascending("receivedAt", "_id")).batchSize(FOLD_PAGE).cursor()) {
            while (items.hasNext() || !ids.isEmpty()) {
                if (items.hasNext()) {
                    ids.add(items.next().getString("_id"));
                }
                if (ids.size() == FOLD_PAGE || (!items.hasNext() && !ids.isEmpty())) {
                    for (List<TimelineEntry> events : timelines.of(ids, at).values()) {
                        if (events.isEmpty()) {
                            continue; // received by then by its own clock, recorded only later
                        }
                        Document then = fold(events);
                        if (asItWas.matches(then)) {
                            if (matching >= from && page.size() < filter.size()) {
                                page.add(BoardRow.of(then, filter.asOf()));
                            }
                            matching++;
                        }
                    }
                    ids.clear();
                }
            }
        }
        return new Page(matching, filter.page(), filter.size(), filter.asOf(), page);
    }

    /** An item document as its events up to some instant made it. */
    static Document fold(List<TimelineEntry> events) {
        Document item = new Document();
        for (TimelineEntry event : events) {
            item.put("_id", event.aggregateId());
            item.putAll(SubmissionProjection.fields(event.toEvent()));
            item.put("lastSequence", event.sequence());
        }
        return item;
    }
}
