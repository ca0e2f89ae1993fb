package io.consultdesk.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events that arrived before their predecessor, kept until it has been applied.
 * <p>
 * Event n of an item can reach the topic before event n-1: two command-service nodes with skewed clocks,
 * or appends landing in the store in another order than their timestamps, and the relay reads by timestamp.
 * Both then sit in the same partition, n ahead of n-1. Retrying n until n-1 is applied would wait forever
 * (n-1 is behind it), so n is <em>held</em>: kept in the generation's {@code held_events} collection (before
 * the batch's offsets are committed, so nothing is lost across a restart) and applied in the batch that
 * brings n-1.
 * <p>
 * Which items have held events is kept in memory as well (loaded once per generation), so a batch reads the
 * collection only for items that have some, and then by {@code _id} (the event id) alone.
 * An event that stays held is the visible trace of a predecessor that never arrived — e.g. one the relay
 * passed over. {@link #oldestHeld()} feeds the alert for that.
 */
public final class HeldEvents {

    public static final String COLLECTION = "held_events";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final Views views;
    private final ObjectMapper json;
    /** Per generation: item → ids of its held events. */
    private final Map<String, Map<String, Set<String>>> waiting = new ConcurrentHashMap<>();

    HeldEvents(Views views, ObjectMapper json) {
        this.views = views;
        this.json = json;
    }

    /** The held events of those of {@code items} that have any, by item; no read when none has. */
    Map<String, List<BatchApplier.Delivered>> of(Collection<String> items) {
        Map<String, Set<String>> waitingItems = waitingItems();
        List<String> ids = new ArrayList<>();
        for (String item : items) {
            ids.addAll(waitingItems.getOrDefault(item, Set.of()));
        }
        Map<String, List<BatchApplier.Delivered>> held = new HashMap<>();
        if (ids.isEmpty()) {
            return held;
        }
        for (Document d : collection().find(new Document("_id", new Document("$in", ids))).batchSize(ids.size())) {
            String item = d.getString("item");
            held.computeIfAbsent(item, i -> new ArrayList<>())
                    .add(new BatchApplier.Delivered(read(d.getString("value")), item, d.getString("value"), collection().getNamespace().getCollectionName()));
        }
        return held;
    }

    /** Keeps the events until their predecessors come: one write, by event id (holding one twice keeps it once). */
    void hold(List<BatchApplier.Delivered> events) {
        if (events.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (BatchApplier.Delivered d : events) {
            EventEnvelope e = d.event();
            writes.add(new ReplaceOneModel<>(new Document("_id", e.eventId()), new Document("_id", e.eventId())
                    .append("item", e.aggregateId())
                    .append("sequence", e.sequence())
                    .append("value", d.value())
                    .append("since", now), UPSERT));
        }
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        Map<String, Set<String>> waitingItems = waitingItems();
        events.forEach(d -> waitingItems.computeIfAbsent(d.event().aggregateId(), i -> ConcurrentHashMap.newKeySet())
                .add(d.event().eventId()));
    }

    /** Forgets held events that were applied (or dead-lettered): one delete, by event id. */
    void remove(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        collection().deleteMany(new Document("_id", new Document("$in", events.stream().map(EventEnvelope::eventId).toList())));
        Map<String, Set<String>> waitingItems = waitingItems();
        for (EventEnvelope e : events) {
            waitingItems.computeIfPresent(e.aggregateId(), (item, ids) -> {
                ids.remove(e.eventId());
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    /** How long the longest-waiting held event has waited, or zero. */
    public Duration oldestHeld() {
        Document oldest = collection().find().sort(Sorts.ascending("since")).first();
        return oldest == null ? Duration.ZERO : Duration.between(oldest.getDate("since").toInstant(), Instant.now());
    }

    public long count() {
        return collection().countDocuments();
    }

    private MongoCollection<Document> collection() {
        return views.collection(COLLECTION);
    }

    /** Resolved per generation: after a replay switches generations, the live feed holds in the new one. */
    private Map<String, Set<String>> waitingItems() {
        return waiting.computeIfAbsent(views.generation(), g -> {
            Map<String, Set<String>> items = new ConcurrentHashMap<>();
            collection().find().projection(new Document("item", 1)).forEach(d ->
                    items.computeIfAbsent(d.getString("item"), i -> ConcurrentHashMap.newKeySet()).add(d.getString("_id")));
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
