package io.consultdesk.query.consultation;

import io.consultdesk.query.dashboard.DashboardView.Progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One consultation in the list: what it is, when it runs, how many of its items are in each state (as the
 * caller may see them: an official their bureau's), and the table versions published.
 */
public record ConsultationOverview(String id, String title, String draftingUnit, Period period, String timeZone,
                                   String state, int total, Map<String, Integer> byState, Progress progress,
                                   List<Integer> publishedVersions, Instant lastPublishedAt) {

    /** Open from {@code openedAt}; comments are asked for until the end of {@code deadline} (a local date). */
    public record Period(Instant openedAt, LocalDate deadline) {
    }
}
