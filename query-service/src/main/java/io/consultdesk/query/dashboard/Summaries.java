package io.consultdesk.query.dashboard;

import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.feed.SummaryFolder;
import io.consultdesk.security.Caller;
import io.consultdesk.security.Roles;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads summary documents by key, as the caller may see them: everything, or for an official what their
 * bureau leads or co-handles. Never the items: one command per request, whatever their number.
 */
@Component
public class Summaries {

    private final LiveViews views;

    public Summaries(LiveViews views) {
        this.views = views;
    }

    /** The counters of a consultation ({@code null}: all of them) as the caller sees it. */
    public Counters of(String consultation, Caller caller) {
        String scope = scope(caller);
        return scope == null ? Counters.NONE : scoped(consultation, scope.equals(DashboardSummary.ALL) ? null : scope);
    }

    /** The counters of a consultation ({@code null}: all) over a bureau's items ({@code null}: everyone's), one read by {@code _id}. */
    public Counters scoped(String consultation, String bureau) {
        return read(consultation, bureau, SummaryFolder.COUNTS);
    }

    /** Only the number of items of a consultation over a bureau's items: the same read, the one counter fetched. */
    public long total(String consultation, String bureau) {
        return read(consultation, bureau, SummaryFolder.COUNTS + ".total").total();
    }

    /**
     * The counters over a bureau's items ({@code null}: everyone's) and the consultation's whole item count, with
     * one read: a board page needs both (what matches, and how many numbers its walk may cover).
     */
    public ScopedCounters scopedWithTotal(String consultation, String bureau) {
        String scopedId = DashboardSummary.id(consultation, bureau);
        String wholeId = DashboardSummary.id(consultation, null);
        Map<String, Counters> found = byId(new LinkedHashSet<>(List.of(scopedId, wholeId)));
        return new ScopedCounters(found.getOrDefault(scopedId, Counters.NONE), found.getOrDefault(wholeId, Counters.NONE).total());
    }

    /** A scope's counters and the item count of its whole consultation. */
    public record ScopedCounters(Counters scoped, long itemsInConsultation) {
    }

    private Counters read(String consultation, String bureau, String fetched) {
        Document summary = views.collection(DashboardSummary.COLLECTION)
                .find(new Document("_id", DashboardSummary.id(consultation, bureau)))
                .projection(new Document(fetched, 1)).first();
        return summary != null && summary.get(SummaryFolder.COUNTS) instanceof Document n ? new Counters(n) : Counters.NONE;
    }

    /** The counters of each consultation as the caller sees it, with one {@code _id $in} read. */
    public Map<String, Counters> of(Collection<String> consultations, Caller caller) {
        Map<String, Counters> found = new LinkedHashMap<>();
        String scope = scope(caller);
        if (scope == null || consultations.isEmpty()) {
            return found;
        }
        Map<String, String> consultationById = new LinkedHashMap<>();
        for (String c : consultations) {
            consultationById.put(DashboardSummary.id(c.equals(DashboardSummary.ALL) ? null : c, scope.equals(DashboardSummary.ALL) ? null : scope), c);
        }
        byId(consultationById.keySet()).forEach((id, counters) -> found.put(consultationById.get(id), counters));
        return found;
    }

    /** The counters of the summary documents with these ids (those that exist), with one {@code _id $in} read. */
    private Map<String, Counters> byId(Collection<String> ids) {
        Map<String, Counters> found = new LinkedHashMap<>();
        views.collection(DashboardSummary.COLLECTION)
                .find(new Document("_id", new Document("$in", List.copyOf(ids))))
                .projection(new Document(SummaryFolder.COUNTS, 1))
                .forEach(d -> {
                    if (d.get(SummaryFolder.COUNTS) instanceof Document n) {
                        found.put(d.getString("_id"), new Counters(n));
                    }
                });
        return found;
    }

    /** Which summaries the caller sees: all items, one bureau's, or none ({@code null}). */
    static String scope(Caller caller) {
        if (caller.seesAllItems()) {
            return DashboardSummary.ALL;
        }
        if (caller.hasRole(Roles.OFFICIAL) && !caller.bureau().isEmpty()) {
            return caller.bureau();
        }
        return null;
    }
}
