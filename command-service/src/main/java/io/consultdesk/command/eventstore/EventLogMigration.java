package io.consultdesk.command.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a store of the previous layout — events in {@code domainevents}, read by a time-window token —
 * into the log by position, once, before anything appends: positions in (timestamp, sequence) order, each
 * aggregate's events in its own sequence order, event ids, types and payloads kept. The relay's old token
 * is dropped, so the relay sends the whole log once more (the read side ignores what it has applied) and
 * no stored event can be passed over. The old collection stays as it was, as a backup; a marker records
 * the migration so that it never runs twice, and a log that already holds events of its own next to an
 * unmigrated old one stops the start with a message rather than mixing the two.
 */
public final class EventLogMigration {

    static final String OLD_EVENTS = "domainevents";
    static final String MARKER_ID = "migration";
    private static final String RELAY = "kafka-relay";
    private static final Logger log = LoggerFactory.getLogger(EventLogMigration.class);

    private EventLogMigration() {
    }

    /** Migrates when the previous layout holds events and the log has not taken them yet; returns how many it copied. */
    public static long runIfNeeded(MongoDatabase database) {
        MongoCollection<Document> old = database.getCollection(OLD_EVENTS);
        MongoCollection<Document> counters = database.getCollection(PositionedEventStorageEngine.COUNTERS);
        if (old.find().projection(new Document("_id", 1)).first() == null
                || counters.find(new Document("_id", MARKER_ID)).first() != null) {
            return 0;
        }
        MongoCollection<Document> events = database.getCollection(PositionedEventStorageEngine.EVENTS);
        if (events.find().projection(new Document("_id", 1)).first() != null
                && counters.find(new Document("_id", EventPositions.COUNTER_ID)).first() != null
                && counters.find(new Document("_id", "migration-started")).first() == null) {
            throw new IllegalStateException("the event store holds events in both the previous layout (" + OLD_EVENTS
                    + ") and the log by position (" + PositionedEventStorageEngine.EVENTS + "), and no record of a migration: "
                    + "refusing to mix them. Restore one of the two, or start on a fresh data folder (delete ./data with the stack stopped)");
        }
        counters.replaceOne(new Document("_id", "migration-started"), new Document("_id", "migration-started").append("at", new Date()),
                new ReplaceOptions().upsert(true));
        long started = System.nanoTime();
        List<Document> all = old.find().into(new ArrayList<>());
        log.info("migrating {} events of the previous layout into the log by position", all.size());
        List<Document> positioned = inPositionOrder(all);
        for (int from = 0; from < positioned.size(); from += 1_000) {
            insertIgnoringDuplicates(events, positioned.subList(from, Math.min(positioned.size(), from + 1_000)));
            if (from > 0 && from % 10_000 == 0) {
                log.info("migrated {} of {} events", from, positioned.size());
            }
        }
        counters.replaceOne(new Document("_id", EventPositions.COUNTER_ID), new Document("_id", EventPositions.COUNTER_ID)
                .append("next", (long) positioned.size()), new ReplaceOptions().upsert(true));
        database.getCollection("trackingtokens").deleteMany(new Document("processorName", RELAY));
        counters.insertOne(new Document("_id", MARKER_ID).append("from", OLD_EVENTS).append("events", (long) positioned.size())
                .append("at", Date.from(Instant.now())));
        log.info("migrated {} events in {} s; the relay sends them all once more", positioned.size(), (System.nanoTime() - started) / 1_000_000_000);
        return positioned.size();
    }

    /** The old documents as log documents, positions by (timestamp, sequence), each aggregate in sequence order. */
    static List<Document> inPositionOrder(List<Document> old) {
        List<Document> byTime = new ArrayList<>(old);
        byTime.sort(Comparator.comparing((Document d) -> d.getString(EventDocuments.TIMESTAMP))
                .thenComparingLong(EventDocuments::sequence)
                .thenComparing(d -> d.getString(EventDocuments.EVENT_ID)));
        // the positions each aggregate got, handed back to its events in sequence order
        Map<String, List<Long>> positionsOf = new HashMap<>();
        Map<String, List<Document>> eventsOf = new HashMap<>();
        for (int p = 0; p < byTime.size(); p++) {
            String aggregate = byTime.get(p).getString(EventDocuments.AGGREGATE_ID);
            positionsOf.computeIfAbsent(aggregate, a -> new ArrayList<>()).add((long) p);
            eventsOf.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(byTime.get(p));
        }
        Document[] positioned = new Document[byTime.size()];
        eventsOf.forEach((aggregate, events) -> {
            events.sort(Comparator.comparingLong(EventDocuments::sequence));
            List<Long> positions = positionsOf.get(aggregate);
            for (int i = 0; i < events.size(); i++) {
                long p = positions.get(i);
                Document e = events.get(i);
                positioned[(int) p] = new Document(EventDocuments.POSITION, p)
                        .append(EventDocuments.KEY, EventDocuments.key(aggregate, EventDocuments.sequence(e)))
                        .append(EventDocuments.AGGREGATE_ID, aggregate)
                        .append(EventDocuments.AGGREGATE_TYPE, e.getString(EventDocuments.AGGREGATE_TYPE))
                        .append(EventDocuments.SEQUENCE, EventDocuments.sequence(e))
                        .append(EventDocuments.EVENT_ID, e.getString(EventDocuments.EVENT_ID))
                        .append(EventDocuments.TIMESTAMP, e.getString(EventDocuments.TIMESTAMP))
                        .append(EventDocuments.PAYLOAD_TYPE, e.getString(EventDocuments.PAYLOAD_TYPE))
                        .append(EventDocuments.PAYLOAD_REVISION, e.getString(EventDocuments.PAYLOAD_REVISION))
                        .append(EventDocuments.PAYLOAD, text(e.get(EventDocuments.PAYLOAD)))
                        .append(EventDocuments.META_DATA, text(e.get(EventDocuments.META_DATA)))
                        .append(EventDocuments.COMMIT_FIRST, p)
                        .append(EventDocuments.COMMIT_SIZE, 1);
            }
        });
        return List.of(positioned);
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Document d ? d.toJson() : value.toString();
    }

    private static void insertIgnoringDuplicates(MongoCollection<Document> events, List<Document> documents) {
        try {
            events.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                throw e;
            }
        }
    }
}
