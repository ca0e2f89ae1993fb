package io.consultdesk.command.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.consultdesk.command.publishedlanguage.EventUpcasters;
import io.consultdesk.command.publishedlanguage.PublishedEventSerializer;
import io.consultdesk.command.publishedlanguage.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The event store and token store in command-service's own MongoDB database. */
@Configuration
public class EventStoreConfiguration {

    /**
     * Fail fast when MongoDB is away: a command answers 503 within seconds instead of hanging for 30. Every
     * command sent is counted ({@link MongoRoundTrips}).
     */
    @Bean
    public MongoClientSettingsBuilderCustomizer failFastAndCounted(
            @Value("${consultdesk.mongodb.server-selection-timeout-ms:3000}") long timeoutMs, MeterRegistry registry) {
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS))
                .addCommandListener(new MongoRoundTrips(registry));
    }

    /** command-service's own database: the event log, the token store, the personal-data keys, the items per consultation. */
    @Bean
    public MongoDatabase eventDatabase(MongoClient client,
                                       @Value("${consultdesk.event-store.database:consultdesk_events}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoDatabase eventDatabase) {
        return DefaultMongoTemplate.builder().mongoDatabase(eventDatabase).build();
    }

    /**
     * The event store: a log with global positions, read by key lookups only (see
     * {@link PositionedEventStorageEngine}). {@code fetchSize} is how many positions the relay reads per lookup;
     * {@code gapTimeout} how long a reserved position may stay empty before the relay settles it.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(MongoDatabase eventDatabase,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 @Value("${consultdesk.event-store.gap-timeout:60s}") Duration gapTimeout,
                                                 @Value("${consultdesk.event-store.fetch-size:250}") int fetchSize) {
        // a store of the previous layout is brought into the log first, once
        EventLogMigration.runIfNeeded(eventDatabase);
        return PositionedEventStorageEngine.builder()
                .database(eventDatabase)
                // events stored under their stable names, and older stored forms brought up to date on read
                .eventSerializer(new PublishedEventSerializer(eventSerializer, PublishedEvents.get()))
                .upcasterChain(EventUpcasters.chain())
                .snapshotSerializer(serializer)
                .gapTimeout(gapTimeout)
                .batchSize(fetchSize)
                .build();
    }

    /**
     * The event store over the engine. With one tracking consumer (the relay) a large cache of recent events
     * buys nothing: it reads from the store by position as fast as the cache would serve it.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine engine,
                                         @Value("${consultdesk.event-store.cached-events:100}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(engine)
                .cachedEvents(cachedEvents)
                .build();
    }

    @Bean
    public StoredAggregates storedAggregates(MongoDatabase eventDatabase) {
        return StoredAggregates.inMongo(eventDatabase.getCollection(PositionedEventStorageEngine.EVENTS));
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
