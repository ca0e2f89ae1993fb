package io.consultdesk.query.consultation;

import io.consultdesk.query.consultation.ConsultationDetail.CatalogueClause;
import io.consultdesk.query.consultation.ConsultationDetail.Chapter;
import io.consultdesk.query.dashboard.Counters;
import io.consultdesk.query.dashboard.DashboardView.Progress;
import io.consultdesk.query.dashboard.Summaries;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.feed.Summary;
import io.consultdesk.query.presentation.ClauseOrder;
import io.consultdesk.query.presentation.LocalTimes;
import io.consultdesk.security.Caller;
import io.consultdesk.query.submission.OutcomeClasses;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Consultations as the list and their pages show them. Counts come from the summary documents, read by key
 * (one read for the whole list), never from the items: a consultation may hold a million.
 */
@Component
public class Consultations {

    private final LiveViews views;
    private final Summaries summaries;

    public Consultations(LiveViews views, Summaries summaries) {
        this.views = views;
        this.summaries = summaries;
    }

    /** Every consultation, the latest opened first. */
    public List<ConsultationOverview> list(Caller caller) {
        List<Document> found = new ArrayList<>();
        views.collection(ConsultationProjection.COLLECTION).find()
                .projection(new Document("clauses", 0)).forEach(found::add);
        Map<String, Counters> counts = summaries.of(found.stream().map(d -> d.getString("_id")).toList(), caller);
        return found.stream()
                .map(d -> overview(d, counts.getOrDefault(d.getString("_id"), Counters.NONE)))
                .sorted(Comparator.comparing((ConsultationOverview o) -> o.period().openedAt(),
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ConsultationOverview::id))
                .toList();
    }

    public Optional<ConsultationDetail> find(String id, Caller caller) {
        Document d = views.collection(ConsultationProjection.COLLECTION).find(new Document("_id", id)).first();
        if (d == null) {
            return Optional.empty();
        }
        Counters counts = summaries.of(id, caller);
        List<String> outcomes = d.getList("outcomes", String.class, List.of());
        return Optional.of(new ConsultationDetail(overview(d, counts), d.getInteger("catalogueVersion", 1), outcomes,
                outcomeClasses(d, outcomes), d.getInteger("handlingWorkingDays", 0),
                chapters(d.getList("clauses", Document.class, List.of()), counts)));
    }

    /** Each word's class as the consultation's document has it (a document projected before classes: the default words'). */
    private static Map<String, String> outcomeClasses(Document d, List<String> outcomes) {
        Document recorded = d.get("outcomeClasses", Document.class);
        Document classes = recorded != null ? recorded : OutcomeClasses.defaults(outcomes);
        Map<String, String> byWord = new LinkedHashMap<>();
        outcomes.forEach(w -> byWord.put(w, classes.get(w) instanceof String c ? c : OutcomeClasses.of(w, null)));
        return byWord;
    }

    /** The time zone of each consultation named (the default for one not known). */
    public Map<String, ZoneId> zones(Collection<String> ids) {
        Map<String, ZoneId> zones = new HashMap<>();
        if (ids.isEmpty()) {
            return zones;
        }
        views.collection(ConsultationProjection.COLLECTION)
                .find(new Document("_id", new Document("$in", List.copyOf(ids))))
                .projection(new Document(ConsultationProjection.TIME_ZONE, 1))
                .forEach(d -> zones.put(d.getString("_id"), LocalTimes.zone(d.getString(ConsultationProjection.TIME_ZONE))));
        return zones;
    }

    private static ConsultationOverview overview(Document d, Counters counts) {
        Map<String, Integer> byState = counts.under("state");
        Integer published = d.getInteger("publishedVersion");
        Date publishedAt = d.getDate("publishedAt");
        String deadline = d.getString("deadline");
        Date opened = d.getDate("openedAt");
        return new ConsultationOverview(d.getString("_id"), d.getString("title"), d.getString("draftingUnit"),
                new ConsultationOverview.Period(opened == null ? null : opened.toInstant(),
                        deadline == null ? null : LocalDate.parse(deadline)),
                LocalTimes.zone(d.getString(ConsultationProjection.TIME_ZONE)).getId(),
                d.getString("state"), (int) counts.total(), byState, Progress.of(counts.total(), byState),
                // versions follow each other without gaps: the latest names them all
                published == null ? List.of() : IntStream.rangeClosed(1, published).boxed().toList(),
                publishedAt == null ? null : publishedAt.toInstant(), publishing(d));
    }

    private static ConsultationOverview.Publishing publishing(Document d) {
        Integer version = d.getInteger(ConsultationProjection.PUBLISHING_VERSION);
        Date startedAt = d.getDate("publishingStartedAt");
        return version == null ? null : new ConsultationOverview.Publishing(version, d.getInteger("publishingRows", 0),
                d.getInteger("publishingExpectedRows", 0), startedAt == null ? null : startedAt.toInstant());
    }

    /**
     * The catalogue in document order, grouped by chapter. Chapters are runs of consecutive clauses, so a clause
     * whose chapter the catalogue leaves blank belongs to the chapter of the clause before it.
     */
    static List<Chapter> chapters(List<Document> clauses, Counters counts) {
        List<Document> ordered = clauses.stream()
                .sorted(Comparator.comparing((Document c) -> c.getString("number"), ClauseOrder.BY_NUMBER)).toList();
        List<Chapter> chapters = new ArrayList<>();
        String current = null;
        List<CatalogueClause> run = new ArrayList<>();
        for (Document c : ordered) {
            String chapter = c.getString("chapter") == null ? "" : c.getString("chapter");
            if (current == null || (!chapter.isEmpty() && !chapter.equals(current))) {
                if (current != null) {
                    chapters.add(new Chapter(current, List.copyOf(run)));
                }
                current = chapter;
                run.clear();
            }
            String number = c.getString("number");
            String key = "clause." + Summary.segment(number);
            run.add(new CatalogueClause(number, c.getString("title"), c.getList("responsibleUnits", String.class, List.of()),
                    (int) counts.get(key + ".items"), counts.under(key + ".outcome"), c.getString("text")));
        }
        if (current != null) {
            chapters.add(new Chapter(current, List.copyOf(run)));
        }
        return chapters;
    }
}
