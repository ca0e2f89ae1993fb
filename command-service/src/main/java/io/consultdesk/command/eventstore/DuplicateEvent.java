package io.consultdesk.command.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;

/**
 * The event store's unique (aggregate, sequence) index refused an append: another command recorded that
 * event first — for a first event, the aggregate exists already. A conflict to report, not a store outage.
 */
public final class DuplicateEvent {

    private DuplicateEvent() {
    }

    /** Whether the failure, or anything it was caused by, is the unique index refusing an event. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream()
                    .anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return true;
            }
            if (t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
