package io.consultdesk.query.dashboard;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.submission.ItemAccess;
import io.consultdesk.query.submission.SubmissionProjection;
import io.consultdesk.security.Caller;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the dashboards by reading the item documents the caller may see (one pass, needed fields only). */
@Component
public class Dashboard {

    private final LiveViews views;
    private final Clock clock;
    private final FeedLag lag;
    private final io.consultdesk.query.feed.HeldEventsAlert held;

    public Dashboard(LiveViews views, Clock clock, FeedLag lag, io.consultdesk.query.feed.HeldEventsAlert held) {
        this.held = held;
        this.views = views;
        this.clock = clock;
        this.lag = lag;
    }

    public Map<String, Object> compute(String consultationId, Caller caller) {
        Instant now = clock.instant();
        Bson scope = consultationId == null ? ItemAccess.filterFor(caller)
                : Filters.and(ItemAccess.filterFor(caller), Filters.eq("consultationId", consultationId));
        Map<String, BureauFigures> bureaus = new TreeMap<>();
        Map<String, Map<String, Integer>> clauses = new TreeMap<>();
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        int total = 0;
        int overdue = 0;
        for (Document d : views.collection(SubmissionProjection.COLLECTION).find(scope)
                .projection(Projections.include("state", "leadBureau", "citedClauses", "outcome", "assignedAt", "decidedAt", "dueAt"))
                .batchSize(5_000)) {
            total++;
            String state = d.getString("state");
            states.merge(state, 1, Integer::sum);
            String outcome = d.getString("outcome");
            boolean late = ("ASSIGNED".equals(state) || "RECEIVED".equals(state)) && d.getDate("dueAt") != null
                    && d.getDate("dueAt").toInstant().isBefore(now);
            if (late) {
                overdue++;
            }
            if (outcome != null) {
                outcomes.merge(outcome, 1, Integer::sum);
            }
            String lead = d.getString("leadBureau");
            if (lead != null) {
                bureaus.computeIfAbsent(lead, b -> new BureauFigures()).add(state, outcome, late,
                        d.getDate("assignedAt"), d.getDate("decidedAt"));
            }
            List<String> cited = d.getList("citedClauses", String.class, List.of());
            for (String clause : cited) {
                Map<String, Integer> c = clauses.computeIfAbsent(clause, k -> new LinkedHashMap<>());
                c.merge("items", 1, Integer::sum);
                if (outcome != null) {
                    c.merge(outcome, 1, Integer::sum);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("consultationId", consultationId);
        result.put("computedAt", now);
        result.put("total", total);
        result.put("byState", states);
        result.put("outcomes", outcomes);
        result.put("overdue", overdue);
        int decided = states.getOrDefault("DECIDED", 0) + states.getOrDefault("PUBLISHED", 0);
        int handled = decided + states.getOrDefault("WITHDRAWN", 0) + states.getOrDefault("REJECTED", 0)
                + states.getOrDefault("DUPLICATE", 0);
        result.put("progress", Map.of("decidedOrClosed", handled, "published", states.getOrDefault("PUBLISHED", 0),
                "percentHandled", total == 0 ? 0 : Math.round(100.0 * handled / total)));
        Map<String, Object> byBureau = new LinkedHashMap<>();
        bureaus.forEach((name, figures) -> byBureau.put(name, figures.toMap()));
        result.put("bureaus", byBureau);
        result.put("clauses", clauses);
        result.put("feedLag", lag.snapshot());
        result.put("feedHeld", held.snapshot());
        return result;
    }

    /** One bureau's running figures. */
    static final class BureauFigures {
        final Map<String, Integer> states = new TreeMap<>();
        final Map<String, Integer> outcomes = new LinkedHashMap<>();
        final List<Long> hoursToDecision = new ArrayList<>();
        int overdue;

        void add(String state, String outcome, boolean late, Date assignedAt, Date decidedAt) {
            states.merge(state, 1, Integer::sum);
            if (outcome != null) {
                outcomes.merge(outcome, 1, Integer::sum);
            }
            if (late) {
                overdue++;
            }
            if (assignedAt != null && decidedAt != null) {
                hoursToDecision.add(Math.max(0, (decidedAt.getTime() - assignedAt.getTime()) / 3_600_000));
            }
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("byState", states);
            m.put("overdue", overdue);
            m.put("outcomes", outcomes);
            Map<String, Object> time = new LinkedHashMap<>();
            time.put("decided", hoursToDecision.size());
            time.put("median", percentile(hoursToDecision, 50));
            time.put("p90", percentile(hoursToDecision, 90));
            m.put("hoursToDecision", time);
            return m;
        }
    }

    /** Nearest-rank percentile; null when there is nothing to rank. */
    static Long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
