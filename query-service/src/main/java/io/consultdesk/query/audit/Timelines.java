package io.consultdesk.query.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.consultdesk.query.feed.LiveViews;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads timelines from {@code history}: one aggregate's, or those of a page of items at once. */
@Component
public class Timelines {

    private final LiveViews views;

    public Timelines(LiveViews views) {
        this.views = views;
    }

    /** Every event of the aggregate, in its order. */
    public List<TimelineEntry> of(String aggregateId) {
        List<TimelineEntry> events = new ArrayList<>();
        views.collection(HistoryProjection.COLLECTION).find(Filters.eq("aggregateId", aggregateId))
                .sort(Sorts.ascending("sequence"))
                .forEach(d -> events.add(TimelineEntry.of(d)));
        return events;
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
