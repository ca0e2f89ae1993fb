package io.consultdesk.query.feed;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies an aggregate's events to its document strictly in order: event n changes the document only if
 * the document has applied n-1. A duplicate or older event is ignored; a gap (n arriving before n-1) is an
 * error, so the batch is retried rather than an event silently skipped.
 */
public final class SequencedWriter {

    public static final String LAST_SEQUENCE = "lastSequence";

    private SequencedWriter() {
    }

    /** The first event of an aggregate creates its document. Returns false when it already existed. */
    public static boolean create(MongoCollection<Document> collection, String id, Document fields) {
        try {
            collection.insertOne(new Document(fields).append("_id", id).append(LAST_SEQUENCE, 0L));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Applies {@code update} as event {@code sequence}; returns false for an event already applied. */
    public static boolean update(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        UpdateResult result = collection.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq(LAST_SEQUENCE, sequence - 1)),
                com.mongodb.client.model.Updates.combine(update,
                        com.mongodb.client.model.Updates.set(LAST_SEQUENCE, sequence)));
        if (result.getMatchedCount() == 1) {
            return true;
        }
        Document current = collection.find(Filters.eq("_id", id)).projection(new Document(LAST_SEQUENCE, 1)).first();
        if (current != null && current.get(LAST_SEQUENCE, Number.class).longValue() >= sequence) {
            return false;
        }
        throw new OutOfOrderEvent(id, sequence, current == null ? null : current.get(LAST_SEQUENCE, Number.class).longValue());
    }

    /** Event n of an aggregate arrived before event n-1 was applied. */
    public static class OutOfOrderEvent extends RuntimeException {
        public OutOfOrderEvent(String id, long sequence, Long applied) {
            super("event " + sequence + " of " + id + " arrived but the projection has applied "
                    + (applied == null ? "nothing" : "up to " + applied) + "; retrying");
        }
    }
}
