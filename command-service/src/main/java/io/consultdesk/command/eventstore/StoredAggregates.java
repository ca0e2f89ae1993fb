package io.consultdesk.command.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/** Whether the event store holds a given event of an aggregate: answered without loading the aggregate. */
@FunctionalInterface
public interface StoredAggregates {

    boolean hasEvent(String aggregateId, long sequence);

    default boolean exists(String aggregateId) {
        return hasEvent(aggregateId, 0);
    }

    /**
     * One lookup of the event's unique key (aggregate id + sequence), which every store answers from its
     * index; loading the aggregate would answer too, at the cost of reading its history.
     */
    static StoredAggregates inMongo(MongoCollection<Document> events) {
        return (aggregateId, sequence) -> events
                .find(new Document(EventDocuments.KEY, EventDocuments.key(aggregateId, sequence)))
                .projection(Projections.include("_id"))
                .first() != null;
    }
}
