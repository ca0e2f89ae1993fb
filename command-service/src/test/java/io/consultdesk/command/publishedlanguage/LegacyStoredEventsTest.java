package io.consultdesk.command.publishedlanguage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.consultdesk.command.eventstore.EventStoreConfiguration;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored by earlier releases — typed by their Java class name — read exactly as events stored
 * today: through the configured event store, for an aggregate's history and for the relay's tracked
 * stream alike; new events are stored under their stable names.
 */
class LegacyStoredEventsTest {

    private static MongoWireServer mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        mongo = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void anOlderStoredFormReadsAsTheCurrentOne() {
        String database = "events_" + UUID.randomUUID().toString().replace("-", "");
        MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
        Serializer json = JacksonSerializer.builder().objectMapper(PublishedJson.mapper().copy()).build();
        List<DomainEventMessage<?>> story = GoldenEvents.all().stream()
                .filter(e -> e.getAggregateIdentifier().equals(GoldenEvents.ITEM)).toList();
        // what the previous release stored ended with the reassignment; co-handling opinions came after it
        List<DomainEventMessage<?>> before = story.subList(0, 3);
        List<DomainEventMessage<?>> after = story.subList(3, story.size());

        // as the previous release stored them: the class name as type
        MongoEventStorageEngine previousRelease = MongoEventStorageEngine.builder()
                .mongoTemplate(template).eventSerializer(json).snapshotSerializer(json).build();
        previousRelease.ensureIndexes();
        previousRelease.appendEvents(before);
        assertThat(storedTypes(template.eventCollection())).containsExactly(
                "io.consultdesk.command.submission.SubmissionReceived", "io.consultdesk.command.submission.SubmissionAssigned",
                "io.consultdesk.command.submission.SubmissionReassigned");

        // the current release starts on that store: it migrates it into the log by position, then appends
        EventStorageEngine current = new EventStoreConfiguration().eventStorageEngine(client.getDatabase(database), json, json,
                Duration.ofSeconds(60), 250);
        current.appendEvents(after);
        assertThat(storedTypes(client.getDatabase(database).getCollection("events"))).containsExactly(
                "io.consultdesk.command.submission.SubmissionReceived", "io.consultdesk.command.submission.SubmissionAssigned",
                "io.consultdesk.command.submission.SubmissionReassigned", "CoHandlingOpinionGiven", "SubmissionDecided",
                "SubmissionDecisionRevised", "SubmissionPublished", "SubmitterErased");

        List<Object> payloads = story.stream().map(e -> (Object) e.getPayload()).toList();
        List<String> ids = story.stream().map(DomainEventMessage::getIdentifier).toList();
        List<DomainEventMessage<?>> history = current.readEvents(GoldenEvents.ITEM).asStream()
                .<DomainEventMessage<?>>map(e -> e).toList();
        assertThat(history.stream().map(e -> (Object) e.getPayload()).toList()).containsExactlyElementsOf(payloads);
        assertThat(history.stream().map(DomainEventMessage::getIdentifier).toList()).containsExactlyElementsOf(ids);

        List<TrackedEventMessage<?>> tracked = current.readEvents(null, false).<TrackedEventMessage<?>>map(e -> e).toList();
        assertThat(tracked.stream().map(e -> (Object) e.getPayload()).toList()).containsExactlyInAnyOrderElementsOf(payloads);
        assertThat(tracked).allMatch(e -> PublishedEvents.get().nameOf(e.getPayloadType()).isPresent());
    }

    private static List<String> storedTypes(MongoCollection<Document> events) {
        List<Document> stored = events.find().into(new ArrayList<>());
        stored.sort(Comparator.comparingLong(d -> d.get("sequenceNumber", Number.class).longValue()));
        return stored.stream().map(d -> d.getString("payloadType")).toList();
    }
}
