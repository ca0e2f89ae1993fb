package io.consultdesk.command.eventstore;

import com.mongodb.client.MongoClient;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
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

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client,
                                           @Value("${consultdesk.event-store.database:consultdesk_events}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, database).build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate template,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
        // the unique (aggregate, sequence) index is what turns a concurrent append into a refused command
        engine.ensureIndexes();
        return engine;
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

    /** Aggregates stay in memory while referenced: loading one need not scan the event collection. */
    @Bean
    public Cache submissionCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public Cache consultationCache() {
        return new WeakReferenceCache();
    }
}
