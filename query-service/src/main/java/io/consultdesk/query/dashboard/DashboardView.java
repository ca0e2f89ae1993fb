package io.consultdesk.query.dashboard;

import io.consultdesk.query.submission.ItemStates;

import java.time.Instant;
import java.util.Map;

/**
 * The dashboards of a consultation (or of all), as the caller may see them. Clauses are in document order,
 * bureaus and outcomes in text order. {@code outcomes} counts a consultation's items by its own words, and items
 * of all consultations by class under the default words' labels (是 and 已采纳 count as 采纳: one table's words are
 * not another's); {@code outcomeClasses} counts them by class key (ACCEPTED, PARTLY, NOT_ACCEPTED, EXPLAINED).
 */
public record DashboardView(String consultationId, Instant computedAt, int total, Map<String, Integer> byState,
                            Map<String, Integer> outcomes, Map<String, Integer> outcomeClasses, int overdue, Progress progress,
                            Map<String, Bureau> bureaus, Map<String, ClauseFigures> clauses, FeedLag.Snapshot feedLag,
                            Map<String, Object> feedHeld, int awaitingCoHandlers, Map<String, Integer> awaitedFrom) {

    /** How far the consultation has come: items decided or closed, published, and the share handled. */
    public record Progress(int decidedOrClosed, int published, long percentHandled) {

        /** From the number of items and their counts by state. */
        public static Progress of(long total, Map<String, Integer> byState) {
            int handled = byState.getOrDefault(ItemStates.DECIDED, 0) + byState.getOrDefault(ItemStates.PUBLISHED, 0)
                    + byState.getOrDefault(ItemStates.WITHDRAWN, 0) + byState.getOrDefault(ItemStates.REJECTED, 0)
                    + byState.getOrDefault(ItemStates.DUPLICATE, 0);
            return new Progress(handled, byState.getOrDefault(ItemStates.PUBLISHED, 0), total == 0 ? 0 : Math.round(100.0 * handled / total));
        }
    }

    /** One lead bureau's figures. */
    public record Bureau(Map<String, Integer> byState, int overdue, Map<String, Integer> outcomes,
                         Map<String, Integer> outcomeClasses, HoursToDecision hoursToDecision) {
    }

    /**
     * Whole hours from assignment to the decision's own time, over the items the bureau decided; decisions that
     * came in with an imported table are counted apart ({@code imported}): they took no time here.
     */
    public record HoursToDecision(int decided, Long median, Long p90, int imported) {
    }

    /** Items citing a clause (once each), and their outcomes. */
    public record ClauseFigures(int items, Map<String, Integer> outcomes) {
    }
}
