package io.consultdesk.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies each item's events in the item's own order, whatever order they arrive in.
 * <p>
 * Event n of an item can reach the topic before event n-1: two command-service nodes with skewed clocks,
 * or appends landing in the store in another order than their timestamps, and the relay reads by timestamp.
 * Both then sit in the same partition, n ahead of n-1. Retrying n until n-1 is applied would wait forever
 * (n-1 is behind it), so n is <em>held</em>: kept in the generation's {@code held_events} collection and
 * applied as soon as n-1 has been. Holding is durable before the batch's offsets are committed, so nothing
 * is lost across a restart.
 * <p>
 * An event that stays held is the visible trace of a predecessor that never arrived — e.g. one the relay
 * passed over. {@link #oldestHeld()} feeds the alert for that.
 */
public final class ItemOrder {

    public static final String HELD = "held_events";
    private static final Logger log = LoggerFactory.getLogger(ItemOrder.class);

    private final Views views;
    private final List<Projection> projections;
    private final ObjectMapper json;
    /** Items with held events, per generation: consulted on every event, so kept in memory. */
    private final Map<String, Set<String>> waiting = new ConcurrentHashMap<>();

    public ItemOrder(Views views, Projections projections, ObjectMapper json) {
        this.views = views;
        this.projections = projections.forViews(views);
        this.json = json;
    }

    /**
     * Applies the event and whatever held events of its item it unblocks, or holds it back; returns how many
     * events were applied now (0 when it was held).
     */
    public int apply(EventEnvelope event, String rawValue) {
        try {
            Projections.apply(projections, event);
        } catch (SequencedWriter.OutOfOrderEvent ahead) {
            hold(event, rawValue);
            return 0;
        }
        if (event.aggregateId() != null && waitingItems().contains(event.aggregateId())) {
            return 1 + release(event.aggregateId());
        }
        return 1;
    }

    private void hold(EventEnvelope event, String rawValue) {
        held().replaceOne(Filters.eq("_id", event.eventId()), new Document("_id", event.eventId())
                        .append("item", event.aggregateId())
                        .append("sequence", event.sequence())
                        .append("value", rawValue)
                        .append("since", new Date()),
                new ReplaceOptions().upsert(true));
        waitingItems().add(event.aggregateId());
        log.info("event {} of {} arrived before its predecessor: held until it is applied", event.sequence(), event.aggregateId());
    }

    /** Applies the item's held events that now follow on, in sequence order, until the next gap; how many. */
    private int release(String item) {
        List<Document> queued = held().find(Filters.eq("item", item)).sort(Sorts.ascending("sequence")).into(new ArrayList<>());
        int released = 0;
        for (Document next : queued) {
            try {
                Projections.apply(projections, read(next.getString("value")));
            } catch (SequencedWriter.OutOfOrderEvent stillAhead) {
                break;
            }
            held().deleteOne(Filters.eq("_id", next.get("_id")));
            released++;
        }
        if (released == queued.size()) {
            waitingItems().remove(item);
        }
        return released;
    }

    /** How long the longest-waiting held event has waited, or zero. */
    public Duration oldestHeld() {
        Document oldest = held().find().sort(Sorts.ascending("since")).first();
        return oldest == null ? Duration.ZERO : Duration.between(oldest.getDate("since").toInstant(), Instant.now());
    }

    public long heldCount() {
        return held().countDocuments();
    }

    private MongoCollection<Document> held() {
        return views.collection(HELD);
    }

    private Set<String> waitingItems() {
        return waiting.computeIfAbsent(views.generation(), g -> {
            Set<String> items = ConcurrentHashMap.newKeySet();
            held().find().projection(new Document("item", 1)).forEach(d -> items.add(d.getString("item")));
            return items;
        });
    }

    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a held event is no longer readable: " + e.getOriginalMessage(), e);
        }
    }
}
