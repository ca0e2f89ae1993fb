package io.consultdesk.system.faults;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The event store as a test writes to it behind command-service's back, to stage what several writers or a
 * crash would leave: positions reserved from the log's counter, copies of an item's stored events written
 * into them in any order, late or never.
 */
final class EventLog {

    final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;

    EventLog(MongoDatabase database) {
        this.events = database.getCollection("events");
        this.counters = database.getCollection("positions");
    }

    static String key(String item, long sequence) {
        return item + "/" + String.format("%019d", sequence);
    }

    /** The first of {@code count} positions reserved as a writer would: no one else gets them. */
    long reserve(int count) {
        Document before = counters.findOneAndUpdate(new Document("_id", "events"), new Document("$inc", new Document("next", (long) count)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return before.get("next", Number.class).longValue();
    }

    /** An item's stored events, by key, in sequence order. */
    List<Document> eventsOf(String item, int count) {
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            keys.add(key(item, s));
        }
        List<Document> found = events.find(new Document("aggregateKey", new Document("$in", keys))).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(d -> d.get("sequenceNumber", Number.class).longValue()));
        return found;
    }

    /** A copy of one of {@code template}'s stored events as an event of {@code item}, at {@code position}, as a commit of its own. */
    static Document copyOf(Document event, String template, String item, long position, Instant at) {
        Document copy = new Document(event);
        long sequence = event.get("sequenceNumber", Number.class).longValue();
        copy.put("_id", position);
        copy.put("aggregateKey", key(item, sequence));
        copy.put("aggregateIdentifier", item);
        copy.put("eventIdentifier", UUID.randomUUID().toString());
        copy.put("timestamp", at.toString());
        copy.put("serializedPayload", event.getString("serializedPayload").replace(template, item));
        copy.put("commitFirst", position);
        copy.put("commitSize", 1);
        return copy;
    }
}
