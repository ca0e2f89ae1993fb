package io.consultdesk.command.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.extensions.mongo.MongoTemplate;

/** Whether an aggregate has been stored at all. */
@FunctionalInterface
public interface StoredAggregates {

    boolean exists(String aggregateId);

    /**
     * Answered by the aggregate's first event through the event store's unique (aggregate, sequence) index.
     * Loading the aggregate would answer too, but for an id never seen — every new comment — that reads by
     * aggregate id alone, which a store without secondary indexes (the embedded wire server) can only
     * answer by scanning every event.
     */
    static StoredAggregates inMongo(MongoTemplate template) {
        return aggregateId -> template.eventCollection()
                .find(Filters.and(Filters.eq("aggregateIdentifier", aggregateId), Filters.eq("sequenceNumber", 0L)))
                .projection(Projections.include("_id"))
                .first() != null;
    }
}
