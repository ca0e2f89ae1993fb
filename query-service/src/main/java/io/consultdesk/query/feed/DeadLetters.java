package io.consultdesk.query.feed;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Events the read side cannot apply (unreadable, or refused by a projection) go to the dead-letter topic
 * with the reason, and their item is parked: its later events follow them there, so that only that item
 * stops advancing while every other item keeps flowing. An administrator retries them after a fix.
 */
@Component
public class DeadLetters {

    public static final String TOPIC = "consultdesk.deadletter.v1";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, String> kafka;
    private final MongoCollection<Document> parked;
    private final Set<String> parkedIds = ConcurrentHashMap.newKeySet();
    private final Counter deadLettered;
    private final Counter unknownTypes;

    public DeadLetters(KafkaTemplate<String, String> kafka, MongoDatabase viewsDatabase, MeterRegistry registry) {
        this.kafka = kafka;
        this.parked = viewsDatabase.getCollection("parked_items");
        parked.find().forEach(d -> parkedIds.add(d.getString("_id")));
        this.deadLettered = Counter.builder("consultdesk.feed.deadlettered")
                .description("events sent to the dead-letter topic since start (alert when it rises)").register(registry);
        this.unknownTypes = Counter.builder("consultdesk.feed.unknown.events")
                .description("events of a type or version this reader does not know, dead-lettered since start (alert: upgrade query-service)")
                .register(registry);
        registry.gaugeCollectionSize("consultdesk.feed.parked.items", List.of(), parkedIds);
    }

    public boolean isParked(String aggregateId) {
        return aggregateId != null && parkedIds.contains(aggregateId);
    }

    /** Dead-letters a record that could not be read, with the failure as its reason. */
    public void park(ConsumerRecord<String, String> record, RuntimeException failure) {
        park(record, failure.getClass().getSimpleName() + ": " + failure.getMessage());
        countUnknown(failure);
    }

    /** Sends the record to the dead-letter topic (confirmed before returning) and parks its item. */
    public void park(ConsumerRecord<String, String> record, String reason) {
        park(record.key(), record.value(), record.topic() + "-" + record.partition() + "@" + record.offset(), reason);
    }

    /** Dead-letters an event the projections refused, or one behind it ({@link BatchApplier.Refusal}). */
    public void park(BatchApplier.Refusal refusal) {
        BatchApplier.Delivered d = refusal.delivered();
        park(d.key(), d.value(), d.source(), refusal.reason());
        countUnknown(refusal.cause());
    }

    private void countUnknown(RuntimeException failure) {
        if (failure instanceof PublishedLanguage.UnknownEventType) {
            unknownTypes.increment();
        }
    }

    /** Sends the event to the dead-letter topic (confirmed before returning) and parks its item. */
    private void park(String recordKey, String value, String source, String reason) {
        String key = recordKey == null ? "(no key)" : recordKey;
        ProducerRecord<String, String> dead = new ProducerRecord<>(TOPIC, key, value);
        dead.headers().add("consultdesk.reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("consultdesk.source", source.getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(dead).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter " + source + ": " + e.getMessage(), e);
        }
        parked.updateOne(Filters.eq("_id", key), Updates.combine(
                Updates.setOnInsert("since", new Date()),
                Updates.setOnInsert("reason", reason),
                Updates.inc("events", 1)), new UpdateOptions().upsert(true));
        parkedIds.add(key);
        deadLettered.increment();
        log.error("event {} of {} dead-lettered: {}", source, key, reason);
    }

    public void unpark(String aggregateId) {
        parked.deleteOne(Filters.eq("_id", aggregateId));
        parkedIds.remove(aggregateId);
    }

    public List<Document> parkedItems() {
        return parked.find().into(new ArrayList<>());
    }

    /** Failures worth retrying the batch for (the store away); the rest are poison. */
    public static boolean isTransient(Throwable e) {
        return e instanceof MongoException || e instanceof TransientDataAccessException;
    }

}
