package io.consultdesk.query.dashboard;

import io.consultdesk.query.feed.Changes;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.Projection;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.feed.Summary;
import io.consultdesk.query.feed.Views;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.query.submission.SubmissionProjection;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboards' counters, kept per consultation in {@code summaries} so that a dashboard reads one document,
 * never the items. One summary document per scope: {@code <consultation>|*} (every item of the consultation),
 * {@code <consultation>|<bureau>} (its items that bureau leads or co-handles: what an official of it sees), and
 * the same over all consultations ({@code *|*}, {@code *|<bureau>}). Its counters, under {@code n}:
 * <ul>
 * <li>{@code total}; {@code state.<state>}; {@code outcome.<outcome>}; {@code outcomeClass.<class>};</li>
 * <li>{@code due.<epoch ms>}: open items (received or assigned) by their due instant, so that the overdue
 *     count at any moment is the sum of the instants before it (due dates are ends of working days, so there
 *     are as many keys as due days);</li>
 * <li>per lead bureau {@code bureau.<b>.state.<s>}, {@code .outcome.<o>}, {@code .outcomeClass.<c>}, {@code .due.<epoch ms>} and
 *     {@code .hours.<h>}: decided items by whole hours from assignment to decision, so medians and 90th
 *     percentiles are exact; {@code .imported}: items whose decision came with an imported table (no hours);</li>
 * <li>per cited clause {@code clause.<c>.items} and {@code clause.<c>.outcome.<o>}.</li>
 * </ul>
 * The feed keeps them exact through redeliveries, replays and crashes ({@link io.consultdesk.query.feed.SummaryFolder}):
 * this class only says what one item document counts for. It records nothing per event.
 */
public final class DashboardSummary implements Summary, Projection {

    public static final String COLLECTION = "summaries";
    public static final String ALL = "*";
    private static final List<String> FIELDS = List.of("consultationId", "state", "leadBureau", "bureaus", "outcome",
            "citedClauses", "dueAt", "assignedAt", "decidedAt", "outcomeClass", SubmissionProjection.RECEIVED_CORRELATION,
            SubmissionProjection.DECISION_CORRELATION, SubmissionProjection.AWAITING_CO_HANDLERS);

    /** The id of the summary document of a consultation ({@code null}: all of them) as seen by a bureau ({@code null}: everyone). */
    public static String id(String consultation, String bureau) {
        return (consultation == null ? ALL : consultation) + "|" + (bureau == null ? ALL : bureau);
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public String itemCollection() {
        return SubmissionProjection.COLLECTION;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Map<String, Map<String, Long>> contributions(Document item) {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        if (item == null || item.getString("consultationId") == null) {
            return all;
        }
        Map<String, Long> c = counters(item);
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(ALL);
        scopes.addAll(item.getList("bureaus", String.class, List.of()));
        for (String consultation : List.of(item.getString("consultationId"), ALL)) {
            for (String bureau : scopes) {
                all.put(id(consultation.equals(ALL) ? null : consultation, bureau.equals(ALL) ? null : bureau), c);
            }
        }
        return all;
    }

    /** What one item counts for in every summary that sees it. */
    static Map<String, Long> counters(Document item) {
        Map<String, Long> c = new LinkedHashMap<>();
        String state = item.getString("state");
        String outcome = item.getString("outcome");
        String lead = item.getString("leadBureau");
        Date due = item.getDate("dueAt");
        boolean open = ItemStates.OPEN.contains(state) && due != null;
        c.put("total", 1L);
        c.put("state." + seg(state), 1L);
        String outcomeClass = item.getString("outcomeClass");
        if (outcome != null) {
            c.put("outcome." + seg(outcome), 1L);
        }
        // counted only where the item document names its class (items projected before classes existed: after a replay)
        if (outcomeClass != null) {
            c.put("outcomeClass." + seg(outcomeClass), 1L);
        }
        if (open) {
            c.put("due." + due.getTime(), 1L);
        }
        if (lead != null) {
            String b = "bureau." + seg(lead) + ".";
            c.put(b + "state." + seg(state), 1L);
            if (outcome != null) {
                c.put(b + "outcome." + seg(outcome), 1L);
            }
            if (outcomeClass != null) {
                c.put(b + "outcomeClass." + seg(outcomeClass), 1L);
            }
            if (open) {
                c.put(b + "due." + due.getTime(), 1L);
            }
            Date assigned = item.getDate("assignedAt");
            Date decided = item.getDate("decidedAt");
            if (assigned != null && decided != null && SubmissionProjection.decisionImported(item)) {
                c.put(b + "imported", 1L); // decided in the table it came in with: no time was taken here
            } else if (assigned != null && decided != null) {
                c.put(b + "hours." + Math.max(0, (decided.getTime() - assigned.getTime()) / 3_600_000), 1L);
            }
        }
        // open items still waiting for co-handlers' opinions, and for whose
        List<String> awaited = item.getList(SubmissionProjection.AWAITING_CO_HANDLERS, String.class, List.of());
        if (ItemStates.ASSIGNED.equals(state) && !awaited.isEmpty()) {
            c.put("awaitingCoHandlers", 1L);
            for (String bureau : new LinkedHashSet<>(awaited)) {
                c.put("awaitedFrom." + seg(bureau), 1L);
            }
        }
        // items citing each clause (an item citing it twice counts once, as the board finds it once)
        for (String clause : new LinkedHashSet<>(item.getList("citedClauses", String.class, new ArrayList<>()))) {
            String k = "clause." + seg(clause) + ".";
            c.put(k + "items", 1L);
            if (outcome != null) {
                c.put(k + "outcome." + seg(outcome), 1L);
            }
        }
        return c;
    }

    private static String seg(String text) {
        return Summary.segment(text);
    }

    // ---- as a projection: it only offers the summary ----

    @Override
    public boolean accepts(EventEnvelope event) {
        return false;
    }

    @Override
    public void apply(EventEnvelope event, Changes changes) {
        // counts item documents, not events
    }

    @Override
    public Optional<Summary> summary() {
        return Optional.of(this);
    }

    /** Registers the summary with the feed, for every generation of views. */
    @Component
    @Order(5)
    public static class Registration implements Projections.Registration {
        @Override
        public Projection forViews(Views views) {
            return new DashboardSummary();
        }
    }
}
