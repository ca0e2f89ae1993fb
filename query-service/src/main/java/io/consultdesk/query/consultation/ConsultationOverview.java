package io.consultdesk.query.consultation;

import io.consultdesk.query.dashboard.DashboardView.Progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One consultation in the list: what it is, when it runs, how many of its items are in each state (as the
 * caller may see them: an official their bureau's), the table versions published, and the version being
 * published (null when none).
 */
public record ConsultationOverview(String id, String title, String draftingUnit, Period period, String timeZone,
                                   String state, int total, Map<String, Integer> byState, Progress progress,
                                   List<Integer> publishedVersions, Instant lastPublishedAt, Publishing publishing) {

    /** A version being published: {@code rowsPublished} of its {@code expectedRows} so far (as last recorded), since {@code startedAt}. */
    public record Publishing(int version, int rowsPublished, int expectedRows, Instant startedAt) {
    }

    /** Open from {@code openedAt}; comments are asked for until the end of {@code deadline} (a local date). */
    public record Period(Instant openedAt, LocalDate deadline) {
    }
}
