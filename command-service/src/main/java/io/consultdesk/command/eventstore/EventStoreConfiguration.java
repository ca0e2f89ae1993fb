package io.consultdesk.command.eventstore;

import com.mongodb.client.MongoClient;
import io.consultdesk.command.publishedlanguage.EventUpcasters;
import io.consultdesk.command.publishedlanguage.PublishedEventSerializer;
import io.consultdesk.command.publishedlanguage.PublishedEvents;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event store and token store in command-service's own MongoDB database. */
@Configuration
public class EventStoreConfiguration {

    /** Fail fast when MongoDB is away: a command answers 503 within seconds instead of hanging for 30. */
    @Bean
    public org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer failFast(
            @Value("${consultdesk.mongodb.server-selection-timeout-ms:3000}") long timeoutMs) {
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client,
                                           @Value("${consultdesk.event-store.database:consultdesk_events}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    /**
     * The event store. Its tracking token is a time window of recently seen event ids: an event committed
     * later than {@code lookBackTime} after its timestamp would be passed over by the relay. Commands that
     * race on two cores and a busy store were seen committing more than a second late, so the window is
     * wider than the extension's default of one second.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate template,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 @Value("${consultdesk.event-store.look-back-time:10s}") java.time.Duration lookBackTime,
                                                 @Value("${consultdesk.event-store.fetch-size:250}") int fetchSize) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .storageStrategy(new org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy(
                        org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration.getDefault(),
                        lookBackTime))
                // events stored under their stable names, and older stored forms brought up to date on read
                .eventSerializer(new PublishedEventSerializer(eventSerializer, PublishedEvents.get()))
                .upcasterChain(EventUpcasters.chain())
                .snapshotSerializer(serializer)
                // each fetch by the relay is one query over the event window: on a store without secondary
                // indexes a full scan and sort, so a backlog is read in fewer, larger fetches
                .batchSize(fetchSize)
                .build();
        // the unique (aggregate, sequence) index is what turns a concurrent append into a refused command
        engine.ensureIndexes();
        return engine;
    }

    /**
     * The event store over the engine. Every event read for the relay carries its own copy of the tracking
     * token — every event id of the look-back window — so what the store keeps in memory is (events cached
     * + events fetched) × ids in the window. With one tracking consumer (the relay) a large cache buys
     * nothing; Axon's default of 10,000 cached events held 4 million map entries at 40 commands/s.
     */
    @Bean
    public org.axonframework.eventsourcing.eventstore.EmbeddedEventStore eventStore(EventStorageEngine engine,
            @Value("${consultdesk.event-store.cached-events:100}") int cachedEvents) {
        return org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(engine)
                .cachedEvents(cachedEvents)
                .build();
    }

    @Bean
    public StoredAggregates storedAggregates(MongoTemplate template) {
        return StoredAggregates.inMongo(template);
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate template, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    @Bean
    public TransactionManager axonTransactionManager() {
        // the wire server has no multi-document transactions; the event store's unique index guards consistency
        return NoTransactionManager.INSTANCE;
    }

    /**
     * Recently used aggregates stay in memory: loading one need not read its history again. An item is
     * usually received, assigned and decided within a short time; a consultation is read by every command
     * on its items, so the few open ones must never be evicted by a burst of items.
     */
    @Bean
    public Cache submissionCache(@Value("${consultdesk.cache.submissions:5000}") int capacity) {
        return new RecentAggregatesCache(capacity);
    }

    @Bean
    public Cache consultationCache(@Value("${consultdesk.cache.consultations:100}") int capacity) {
        return new RecentAggregatesCache(capacity);
    }
}
