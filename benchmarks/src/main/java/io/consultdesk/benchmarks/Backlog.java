package io.consultdesk.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * A backlog of events in the event store that the relay has not yet sent: copies of one real item's
 * stored events (received, assigned) under new item ids, appended in bulk straight into the store, as a
 * write side that ran while Kafka was away leaves them, at positions reserved from the log's counter. Their
 * timestamps are spread at {@link #RATE} events a second, about ten times the ingest rate measured here.
 */
final class Backlog {

    static final int RATE = 500;
    static final String TOPIC = "consultdesk.submissions.v1";
    private static final String RAW_TOPIC = "bench.raw.relay";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final String kafka;
    /** The item whose events the backlog copies (null until the first append). */
    private String template;

    Backlog(MongoClient mongo, String kafka) {
        this.events = mongo.getDatabase("consultdesk_events").getCollection("events");
        this.counters = mongo.getDatabase("consultdesk_events").getCollection("positions");
        this.kafka = kafka;
    }

    /** The item whose events the backlog copies: every backlog item has its bureaus (null before the first append). */
    String template() {
        return template;
    }

    /** Appends {@code items} items' events (two each) after the newest stored event; returns the number of events. */
    long append(int items) {
        Document received = events.find(new Document("payloadType", "SubmissionReceived")).first();
        if (received == null) {
            throw new IllegalStateException("no stored submission to copy");
        }
        template = received.getString("aggregateIdentifier");
        List<Document> templateEvents = events.find(new Document("aggregateKey", new Document("$in",
                List.of(key(template, 0), key(template, 1))))).into(new ArrayList<>());
        templateEvents.sort(Comparator.comparingLong(d -> d.get("sequenceNumber", Number.class).longValue()));
        Instant start = Instant.now().plusSeconds(1);
        long written = 0;
        // positions reserved as the event store reserves them — each batch's just before it is written, as a
        // commit's — so that the relay reads the backlog as it reads real commits (a range reserved far ahead
        // and written over minutes would pass the gap timeout, and the relay would fence it)
        int perBatch = 1_000 / templateEvents.size();
        for (int done = 0; done < items; done += perBatch) {
            int batchItems = Math.min(perBatch, items - done);
            long position = counters.findOneAndUpdate(new Document("_id", "events"),
                    new Document("$inc", new Document("next", (long) batchItems * templateEvents.size())),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE))
                    .get("next", Number.class).longValue();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < batchItems; i++) {
                String id = "backlog-" + UUID.randomUUID();
                for (Document e : templateEvents) {
                    Document copy = new Document(e);
                    copy.put("_id", position);
                    copy.put("aggregateKey", key(id, e.get("sequenceNumber", Number.class).longValue()));
                    copy.put("commitFirst", position);
                    copy.put("commitSize", 1);
                    position++;
                    copy.put("aggregateIdentifier", id);
                    copy.put("eventIdentifier", UUID.randomUUID().toString());
                    copy.put("timestamp", start.plusNanos(written * 1_000_000_000L / RATE).toString());
                    copy.put("serializedPayload", e.getString("serializedPayload").replace(template, id));
                    batch.add(copy);
                    written++;
                }
            }
            events.insertMany(batch);
        }
        return written;
    }

    private static String key(String item, long sequence) {
        return item + "/" + String.format("%019d", sequence);
    }

    /** The sum of the submissions topic's end offsets. */
    long endOffsets() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka, "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Waits until {@code count} records beyond {@code base} are on the topic, showing progress; seconds since {@code t0}. */
    double awaitRelayed(long base, long count, long t0) throws InterruptedException {
        long target = base + count;
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = endOffsets();
            if (now >= target) {
                return (System.nanoTime() - t0) / 1e9;
            }
            if (now != last) {
                System.out.printf("    relay: %d of %d events on the topic%n", now - base, count);
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 120e9) {
                throw new IllegalStateException("the relay made no progress for two minutes at " + now + " of " + target);
            }
            Thread.sleep(1_000);
        }
    }

    /**
     * The raw counterpart of the relay: the same number of stored event documents read from the same
     * collection as the relay reads them — by position, a thousand {@code _id}s per {@code $in} — and produced to
     * a scratch topic with the relay's producer settings, each thousand confirmed before the next is read (the
     * relay confirms each batch before it moves its token); events a second. (Reading them with one cursor
     * made the development store hold every document of the answer in memory at once.)
     */
    double rawReadAndProduce(long count) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            if (!admin.listTopics().names().get().contains(RAW_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 3, (short) 1))).all().get();
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            long t0 = System.nanoTime();
            long sent = 0;
            for (long first = 0; sent < count; first += 1_000) {
                List<Long> positions = new ArrayList<>();
                for (long p = first; p < first + 1_000; p++) {
                    positions.add(p);
                }
                List<Future<?>> sends = new ArrayList<>();
                for (Document d : events.find(new Document("_id", new Document("$in", positions))).batchSize(1_000)) {
                    if (sent + sends.size() < count && d.getString("aggregateIdentifier") != null) {
                        sends.add(producer.send(new ProducerRecord<>(RAW_TOPIC, d.getString("aggregateIdentifier"), d.toJson())));
                    }
                }
                for (Future<?> f : sends) {
                    f.get();
                }
                sent += sends.size();
                if (sends.isEmpty() && first > count * 4) {
                    throw new IllegalStateException("only " + sent + " of " + count + " events found by position");
                }
            }
            return sent / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
