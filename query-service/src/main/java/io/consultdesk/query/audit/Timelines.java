package io.consultdesk.query.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.presentation.LocalTimes;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads timelines from {@code history}: one aggregate's, or those of a page of items at once. */
@Component
public class Timelines {

    private final LiveViews views;
    private final Consultations consultations;

    public Timelines(LiveViews views, Consultations consultations) {
        this.views = views;
        this.consultations = consultations;
    }

    /** Every event of the aggregate, in its order, said with times in its consultation's zone. */
    public List<TimelineEntry> of(String aggregateId) {
        List<Document> recorded = new ArrayList<>();
        views.collection(HistoryProjection.COLLECTION).find(Filters.eq("aggregateId", aggregateId))
                .sort(Sorts.ascending("sequence"))
                .forEach(recorded::add);
        if (recorded.isEmpty()) {
            return List.of();
        }
        String consultation = consultationOf(recorded.get(0));
        LocalTimes times = LocalTimes.in(consultation == null ? null : consultations.zones(Set.of(consultation)).get(consultation));
        return recorded.stream().map(d -> TimelineEntry.of(d, times)).toList();
    }

    /** A consultation's own id, or the consultation an item's first event names. */
    private static String consultationOf(Document first) {
        if ("Consultation".equals(first.getString("aggregateType"))) {
            return first.getString("aggregateId");
        }
        Document details = first.get("details", Document.class);
        return details == null ? null : details.getString("consultationId");
    }

    /**
     * The events of each aggregate that occurred up to {@code until}, one read for them all; each
     * aggregate's in order, aggregates in the order given.
     */
    public Map<String, List<TimelineEntry>> of(Collection<String> aggregateIds, Date until) {
        Map<String, List<TimelineEntry>> timelines = new LinkedHashMap<>();
        aggregateIds.forEach(id -> timelines.put(id, new ArrayList<>()));
        views.collection(HistoryProjection.COLLECTION)
                .find(new Document("aggregateId", new Document("$in", List.copyOf(aggregateIds)))
                        .append("occurredAt", new Document("$lte", until)))
                .forEach(d -> timelines.get(d.getString("aggregateId")).add(TimelineEntry.of(d)));
        timelines.values().forEach(events -> events.sort((a, b) -> Long.compare(a.sequence(), b.sequence())));
        return timelines;
    }
}
