package io.consultdesk.query.dashboard;

import io.consultdesk.query.feed.HeldEventsAlert;
import io.consultdesk.query.presentation.ClauseOrder;
import io.consultdesk.query.submission.OutcomeClasses;
import io.consultdesk.security.Caller;
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

    private final Summaries summaries;
    private final Clock clock;
    private final FeedLag lag;
    private final HeldEventsAlert held;

    public Dashboard(Summaries summaries, Clock clock, FeedLag lag, HeldEventsAlert held) {
        this.held = held;
        this.summaries = summaries;
        this.clock = clock;
        this.lag = lag;
    }

    public DashboardView compute(String consultationId, Caller caller) {
        Instant now = clock.instant();
        Counters counts = summaries.of(consultationId, caller);
        int total = (int) counts.total();
        Map<String, Integer> states = counts.under("state");
        DashboardView.Progress progress = DashboardView.Progress.of(total, states);
        Map<String, DashboardView.Bureau> bureaus = new LinkedHashMap<>();
        counts.each("bureau").forEach((name, figures) -> {
            Map<String, Integer> byState = figures.under("state");
            if (!byState.isEmpty()) {
                bureaus.put(name, bureau(figures, byState, now, consultationId == null));
            }
        });
        return new DashboardView(consultationId, now, total, states, outcomes(counts, consultationId == null),
                counts.under("outcomeClass"), counts.overdue(now), progress, bureaus, clauses(counts), lag.snapshot(), held.snapshot(),
                (int) counts.get("awaitingCoHandlers"), counts.under("awaitedFrom"));
    }

    /** Items per cited clause and their outcomes, clauses in document order. */
    static Map<String, DashboardView.ClauseFigures> clauses(Counters counts) {
        Map<String, DashboardView.ClauseFigures> clauses = new TreeMap<>(ClauseOrder.BY_NUMBER);
        counts.each("clause").forEach((clause, f) -> {
            int items = (int) f.get("items");
            if (items > 0) {
                clauses.put(clause, new DashboardView.ClauseFigures(items, f.under("outcome")));
            }
        });
        return new LinkedHashMap<>(clauses);
    }

    /**
     * A consultation's outcomes by its words; across consultations by class, under the default words' labels,
     * in class order, since one table's words are not another's (是 beside 采纳).
     */
    private static Map<String, Integer> outcomes(Counters counts, boolean acrossConsultations) {
        if (!acrossConsultations) {
            return counts.under("outcome");
        }
        Map<String, Integer> byClass = counts.under("outcomeClass");
        Map<String, Integer> labelled = new LinkedHashMap<>();
        for (String c : OutcomeClasses.ORDER) {
            if (byClass.containsKey(c)) {
                labelled.put(OutcomeClasses.LABELS.get(c), byClass.get(c));
            }
        }
        return labelled;
    }

    private static DashboardView.Bureau bureau(Counters f, Map<String, Integer> byState, Instant now, boolean acrossConsultations) {
        TreeMap<Long, Long> hours = new TreeMap<>();
        f.under("hours").forEach((k, v) -> hours.put(Long.parseLong(k), (long) v));
        long decided = hours.values().stream().mapToLong(Long::longValue).sum();
        return new DashboardView.Bureau(byState, f.overdue(now), outcomes(f, acrossConsultations), f.under("outcomeClass"),
                new DashboardView.HoursToDecision(
                (int) decided, percentile(hours, decided, 50), percentile(hours, decided, 90), (int) f.get("imported")));
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


}
