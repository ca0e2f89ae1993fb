package io.consultdesk.query.board;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.dashboard.DashboardSummary;
import io.consultdesk.query.feed.Summary;
import io.consultdesk.query.feed.SummaryFolder;
import io.consultdesk.query.feed.ArrivalOrder;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.submission.ItemAccess;
import io.consultdesk.query.submission.SubmissionProjection;
import io.consultdesk.security.Caller;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Answers board queries from the item documents, within what the caller may see. */
@Component
public class StatusBoard {

    static final Set<String> SORTABLE = Set.of("receivedAt", "assignedAt", "decidedAt", "dueAt", "state", "leadBureau", "outcome");

    private final LiveViews views;
    private final Clock clock;

    public StatusBoard(LiveViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    /** One page of the board: total matching, and the items of the page. */
    public record Page(long total, int page, int size, Instant asOf, List<Map<String, Object>> items) {
    }

    public Page query(BoardFilter filter, Caller caller) {
        Instant now = clock.instant();
        if (filter.asOf() != null) {
            return asOf(filter, caller, now);
        }
        MongoCollection<Document> items = views.collection(SubmissionProjection.COLLECTION);
        BoardCriteria criteria = new BoardCriteria(filter, caller, now);
        Long counted = countedTotal(filter, caller, now);
        if (counted != null && (filter.sort() == null || filter.sort().isBlank())) {
            Optional<List<Document>> byKey = new FirstPageByArrival(views).page(filter, criteria, counted, itemsInScope(filter));
            if (byKey.isPresent()) {
                return new Page(counted, filter.page(), filter.size(), null, byKey.get().stream().map(d -> row(d, now)).toList());
            }
        }
        Bson query = criteria.filter();
        long total = counted != null ? counted : items.countDocuments(query);
        FindIterable<Document> found = items.find(query)
                .projection(Projections.exclude("routingBasis"))
                .sort(sort(filter.sort()))
                .skip(filter.page() * filter.size())
                .limit(filter.size());
        List<Map<String, Object>> page = new ArrayList<>();
        found.forEach(d -> page.add(row(d, now)));
        return new Page(total, filter.page(), filter.size(), null, page);
    }

    /**
     * The number of items matching, from the dashboards' summary document (one read by {@code _id}) when the
     * filter is one it counts: a consultation or all, the caller's scope or a bureau (items it leads or
     * co-handles), and at most a state, an outcome, a clause (with or without an outcome) or overdue. Null when
     * it does not count that (a text, two states' worth of conditions, a bureau other than an official's own):
     * then the items are counted.
     */
    private Long countedTotal(BoardFilter f, Caller caller, Instant now) {
        if (f.text() != null || Boolean.FALSE.equals(f.overdue())) {
            return null; // "not overdue" also leaves out open items without a due date: not a counter
        }
        String bureau;
        if (caller.seesAllItems()) {
            bureau = f.bureau();
        } else if (caller.hasRole("OFFICIAL") && !caller.bureau().isEmpty()
                && (f.bureau() == null || f.bureau().equals(caller.bureau()))) {
            bureau = caller.bureau();
        } else {
            return null;
        }
        int conditions = (f.state() == null ? 0 : 1) + (f.outcome() == null ? 0 : 1) + (f.clause() == null ? 0 : 1)
                + (f.overdue() == null ? 0 : 1);
        boolean clauseAndOutcome = f.clause() != null && f.outcome() != null && conditions == 2;
        if (conditions > 1 && !clauseAndOutcome) {
            return null;
        }
        Document summary = views.collection(DashboardSummary.COLLECTION)
                .find(new Document("_id", DashboardSummary.id(f.consultation(), bureau)))
                .projection(new Document(SummaryFolder.COUNTS, 1)).first();
        Document n = summary == null ? new Document() : summary.get(SummaryFolder.COUNTS, new Document());
        if (f.overdue() != null) {
            long late = 0;
            if (n.get("due") instanceof Document due) {
                for (Map.Entry<String, Object> e : due.entrySet()) {
                    if (Long.parseLong(e.getKey()) < now.toEpochMilli()) {
                        late += ((Number) e.getValue()).longValue();
                    }
                }
            }
            return late;
        }
        if (f.state() != null) {
            return counter(n, "state." + Summary.segment(f.state()));
        }
        if (clauseAndOutcome) {
            return counter(n, "clause." + Summary.segment(f.clause()) + ".outcome." + Summary.segment(f.outcome()));
        }
        if (f.clause() != null) {
            return counter(n, "clause." + Summary.segment(f.clause()) + ".items");
        }
        if (f.outcome() != null) {
            return counter(n, "outcome." + Summary.segment(f.outcome()));
        }
        return counter(n, "total");
    }

    private static long counter(Document counts, String path) {
        Object value = counts;
        for (String part : path.split("\\.")) {
            value = value instanceof Document d ? d.get(part) : null;
        }
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** Every item of the query's consultation (or of all), from its summary: what the numbering must cover. */
    private long itemsInScope(BoardFilter f) {
        Document summary = views.collection(DashboardSummary.COLLECTION)
                .find(new Document("_id", DashboardSummary.id(f.consultation(), null)))
                .projection(new Document(SummaryFolder.COUNTS + ".total", 1)).first();
        return summary == null ? 0 : counter(summary.get(SummaryFolder.COUNTS, new Document()), "total");
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

    /** The board as it stood at {@code filter.asOf()}: each item folded from its history up to that instant. */
    private Page asOf(BoardFilter filter, Caller caller, Instant now) {
        Date at = Date.from(filter.asOf());
        MongoCollection<Document> items = views.collection(SubmissionProjection.COLLECTION);
        List<Bson> base = new ArrayList<>();
        base.add(ItemAccess.filterFor(caller));
        base.add(Filters.lte("receivedAt", at));
        if (filter.consultation() != null) {
            base.add(Filters.eq("consultationId", filter.consultation()));
        }
        List<Map<String, Object>> matching = new ArrayList<>();
        MongoCollection<Document> history = views.collection(HistoryProjection.COLLECTION);
        for (Document item : items.find(Filters.and(base)).sort(Sorts.ascending("receivedAt", "_id"))) {
            Document then = new Document(item);
            for (Document event : history.find(Filters.and(Filters.eq("aggregateId", item.getString("_id")),
                    Filters.lte("occurredAt", at))).sort(Sorts.ascending("sequence"))) {
                fold(then, event);
            }
            Map<String, Object> row = row(then, filter.asOf());
            if (matches(row, filter)) {
                matching.add(row);
            }
        }
        int from = Math.min(matching.size(), filter.page() * filter.size());
        int to = Math.min(matching.size(), from + filter.size());
        return new Page(matching.size(), filter.page(), filter.size(), filter.asOf(), matching.subList(from, to));
    }

    /** Rewinds an item document to what one history event says it was right after it. */
    private static void fold(Document item, Document event) {
        Document d = event.get("details", Document.class);
        if (event.getString("stateAfter") != null) {
            item.put("state", event.getString("stateAfter"));
        }
        switch (event.getString("type")) {
            case "SubmissionReceived" -> {
                item.remove("outcome");
                item.remove("reason");
                item.remove("decidedAt");
                item.remove("decidedByBureau");
            }
            case "SubmissionAssigned", "SubmissionReassigned" -> {
                item.put("leadBureau", d.getString("leadBureau"));
                item.put("dueAt", parse(d.getString("dueAt")));
                item.put("assignedAt", event.getDate("occurredAt"));
            }
            case "SubmissionDecided", "SubmissionDecisionRevised" -> {
                item.put("outcome", d.getString("outcome"));
                item.put("reason", d.getString("reason"));
                item.put("decidedByBureau", d.getString("decidedByBureau"));
                item.put("decidedAt", event.getDate("occurredAt"));
            }
            default -> { }
        }
        item.put("lastSequence", event.get("sequence"));
    }

    private static boolean matches(Map<String, Object> row, BoardFilter f) {
        return (f.state() == null || f.state().equals(row.get("state")))
                && (f.outcome() == null || f.outcome().equals(row.get("outcome")))
                && (f.bureau() == null || f.bureau().equals(row.get("leadBureau"))
                    || String.valueOf(row.get("bureaus")).contains(f.bureau()))
                && (f.clause() == null || String.valueOf(row.get("citedClauses")).contains(f.clause()))
                && (f.overdue() == null || f.overdue().equals(row.get("overdue")))
                && (f.text() == null || String.valueOf(row.get("opinion")).contains(f.text())
                    || String.valueOf(row.get("submitterPublicName")).contains(f.text()));
    }

    private static Date parse(String iso) {
        return iso == null ? null : Date.from(Instant.parse(iso));
    }

    /** An item as the board shows it, with its age, due date and overdue flag worked out at {@code now}. */
    static Map<String, Object> row(Document d, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.getString("_id"));
        for (String field : List.of("consultationId", "state", "leadBureau", "coBureaus", "bureaus", "citedClauses",
                "submitterPublicName", "channel", "opinion", "outcome", "reason", "decidedByBureau", "rowNumber")) {
            if (d.get(field) != null) {
                row.put(field, d.get(field));
            }
        }
        Date received = d.getDate("receivedAt");
        Date due = d.getDate("dueAt");
        row.put("receivedAt", received);
        row.put("assignedAt", d.getDate("assignedAt"));
        row.put("decidedAt", d.getDate("decidedAt"));
        row.put("dueAt", due);
        row.put("ageDays", received == null ? null : Duration.between(received.toInstant(), now).toDays());
        row.put("overdue", due != null && BoardCriteria.OPEN_STATES.contains(d.getString("state")) && due.toInstant().isBefore(now));
        row.put("version", d.get("lastSequence"));
        return row;
    }
}
