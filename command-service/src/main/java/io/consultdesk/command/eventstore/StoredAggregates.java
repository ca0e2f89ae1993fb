package io.consultdesk.command.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.extensions.mongo.MongoTemplate;

/** Whether the event store holds a given event of an aggregate: answered without loading the aggregate. */
@FunctionalInterface
public interface StoredAggregates {

    boolean hasEvent(String aggregateId, long sequence);

    default boolean exists(String aggregateId) {
        return hasEvent(aggregateId, 0);
    }

    /**
     * Answered through the event store's unique (aggregate, sequence) index. Loading the aggregate would
     * answer too, but for an id never seen — every new comment — that reads by aggregate id alone, which a
     * store without secondary indexes (the embedded wire server) can only answer by scanning every event.
     */
    static StoredAggregates inMongo(MongoTemplate template) {
        return (aggregateId, sequence) -> template.eventCollection()
                .find(Filters.and(Filters.eq("aggregateIdentifier", aggregateId), Filters.eq("sequenceNumber", sequence)))
                .projection(Projections.include("_id"))
                .first() != null;
    }
}
