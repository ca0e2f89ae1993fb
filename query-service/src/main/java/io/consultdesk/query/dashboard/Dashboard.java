package io.consultdesk.query.dashboard;

import io.consultdesk.query.feed.HeldEventsAlert;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.feed.Summary;
import io.consultdesk.query.feed.SummaryFolder;
import io.consultdesk.query.submission.OutcomeClasses;
import io.consultdesk.security.Caller;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the dashboards from one summary document ({@link DashboardSummary}), read by {@code _id}: the one of
 * the consultation (or of all) as the caller may see it — everything, or for an official what their bureau
 * leads or co-handles. One command per request, whatever the number of items; overdue is worked out at the
 * request's instant from the open items' due instants.
 */
@Component
public class Dashboard {

    private final LiveViews views;
    private final Clock clock;
    private final FeedLag lag;
    private final HeldEventsAlert held;

    public Dashboard(LiveViews views, Clock clock, FeedLag lag, HeldEventsAlert held) {
        this.held = held;
        this.views = views;
        this.clock = clock;
        this.lag = lag;
    }

    public Map<String, Object> compute(String consultationId, Caller caller) {
        Instant now = clock.instant();
        Document counts = new Document();
        String scope = scope(caller);
        if (scope != null) {
            Document summary = views.collection(DashboardSummary.COLLECTION)
                    .find(new Document("_id", DashboardSummary.id(consultationId, scope.equals(DashboardSummary.ALL) ? null : scope)))
                    .projection(new Document(SummaryFolder.COUNTS, 1)).first();
            if (summary != null && summary.get(SummaryFolder.COUNTS) instanceof Document n) {
                counts = n;
            }
        }
        int total = (int) number(counts.get("total"));
        Map<String, Integer> states = counted(counts.get("state"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("consultationId", consultationId);
        result.put("computedAt", now);
        result.put("total", total);
        result.put("byState", states);
        result.put("outcomes", consultationId == null ? byClassLabel(counts.get("outcomeClass")) : counted(counts.get("outcome")));
        result.put("outcomeClasses", counted(counts.get("outcomeClass")));
        result.put("overdue", overdue(counts.get("due"), now));
        int decided = states.getOrDefault("DECIDED", 0) + states.getOrDefault("PUBLISHED", 0);
        int handled = decided + states.getOrDefault("WITHDRAWN", 0) + states.getOrDefault("REJECTED", 0)
                + states.getOrDefault("DUPLICATE", 0);
        result.put("progress", Map.of("decidedOrClosed", handled, "published", states.getOrDefault("PUBLISHED", 0),
                "percentHandled", total == 0 ? 0 : Math.round(100.0 * handled / total)));
        Map<String, Object> byBureau = new TreeMap<>();
        if (counts.get("bureau") instanceof Document bureaus) {
            bureaus.forEach((name, figures) -> {
                Document f = (Document) figures;
                Map<String, Integer> byState = counted(f.get("state"));
                if (!byState.isEmpty()) {
                    byBureau.put(Summary.text(name), bureau(f, byState, now, consultationId == null));
                }
            });
        }
        result.put("bureaus", new LinkedHashMap<>(byBureau));
        Map<String, Map<String, Integer>> clauses = new TreeMap<>();
        if (counts.get("clause") instanceof Document cited) {
            cited.forEach((clause, figures) -> {
                Document f = (Document) figures;
                int items = (int) number(f.get("items"));
                if (items > 0) {
                    Map<String, Integer> c = new LinkedHashMap<>();
                    c.put("items", items);
                    c.putAll(counted(f.get("outcome")));
                    clauses.put(Summary.text(clause), c);
                }
            });
        }
        result.put("clauses", clauses);
        result.put("feedLag", lag.snapshot());
        result.put("feedHeld", held.snapshot());
        return result;
    }

    /** Which summary the caller sees: all items, one bureau's, or none ({@code null}). */
    private static String scope(Caller caller) {
        if (caller.seesAllItems()) {
            return DashboardSummary.ALL;
        }
        if (caller.hasRole("OFFICIAL") && !caller.bureau().isEmpty()) {
            return caller.bureau();
        }
        return null;
    }

    /**
     * Across consultations each table's words are not comparable (是 beside 采纳): outcomes are shown by class,
     * under the default words' labels, in class order.
     */
    private static Map<String, Integer> byClassLabel(Object classCounters) {
        Map<String, Integer> byClass = counted(classCounters);
        Map<String, Integer> labelled = new LinkedHashMap<>();
        for (String c : OutcomeClasses.ORDER) {
            if (byClass.containsKey(c)) {
                labelled.put(OutcomeClasses.LABELS.get(c), byClass.get(c));
            }
        }
        return labelled;
    }

    private static Map<String, Object> bureau(Document f, Map<String, Integer> byState, Instant now, boolean acrossConsultations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("byState", byState);
        m.put("overdue", overdue(f.get("due"), now));
        m.put("outcomes", acrossConsultations ? byClassLabel(f.get("outcomeClass")) : counted(f.get("outcome")));
        m.put("outcomeClasses", counted(f.get("outcomeClass")));
        TreeMap<Long, Long> hours = new TreeMap<>();
        if (f.get("hours") instanceof Document h) {
            h.forEach((k, v) -> {
                if (number(v) > 0) {
                    hours.put(Long.parseLong(k), number(v));
                }
            });
        }
        long decided = hours.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("decided", (int) decided);
        time.put("median", percentile(hours, decided, 50));
        time.put("p90", percentile(hours, decided, 90));
        m.put("hoursToDecision", time);
        return m;
    }

    /** Open items due before {@code now}. */
    static int overdue(Object due, Instant now) {
        long late = 0;
        if (due instanceof Document d) {
            for (Map.Entry<String, Object> e : d.entrySet()) {
                if (Long.parseLong(e.getKey()) < now.toEpochMilli()) {
                    late += number(e.getValue());
                }
            }
        }
        return (int) late;
    }

    /** Nearest-rank percentile of a histogram (value → count); null when there is nothing to rank. */
    static Long percentile(TreeMap<Long, Long> histogram, long count, int p) {
        if (count == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
        long seen = 0;
        for (Map.Entry<Long, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }

    /** The non-zero counters of a sub-document, by their texts, in order. */
    private static Map<String, Integer> counted(Object counters) {
        Map<String, Integer> m = new TreeMap<>();
        if (counters instanceof Document d) {
            d.forEach((k, v) -> {
                if (number(v) != 0) {
                    m.put(Summary.text(k), (int) number(v));
                }
            });
        }
        return m;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
