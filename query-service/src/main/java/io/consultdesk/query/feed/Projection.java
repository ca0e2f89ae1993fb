package io.consultdesk.query.feed;

import java.util.Optional;

/**
 * A read model fed by the events. A projection writes nothing itself: for each event it says what the event
 * changes ({@link #apply}), and the feed ({@link BatchApplier}) writes what a whole batch changes with a few
 * commands. The feed calls {@code apply} only for events it has not applied before and in each aggregate's
 * order, so applying the same event twice leaves the views as applying it once.
 */
public interface Projection {

    /** Whether this projection reads the event (e.g. by its aggregate type). */
    boolean accepts(EventEnvelope event);

    /**
     * The collection where this projection keeps one document per aggregate of a type, keyed by aggregate id.
     * The feed keeps that aggregate's last applied sequence in it ({@link BatchApplier#LAST_SEQUENCE}), and
     * so knows from it which of the aggregate's events are new. At most one projection names a type.
     */
    default Optional<DocumentPerAggregate> documentPerAggregate() {
        return Optional.empty();
    }

    /**
     * Counters this projection keeps over the documents of an aggregate collection, folded in by the feed from
     * each item's document before and after a batch (see {@link SummaryFolder}); none by default.
     */
    default Optional<Summary> summary() {
        return Optional.empty();
    }

    /**
     * Records in {@code changes} what the event changes. Throwing refuses the event: it goes to the
     * dead-letter topic and its aggregate stops there, and nothing it recorded is written.
     */
    void apply(EventEnvelope event, Changes changes);

    /**
     * Aggregates of {@code aggregateType} each have one document in {@code collection}. With an
     * {@code arrivalGroup} (a field of the documents, e.g. their consultation) the feed also numbers the
     * documents in the order they arrive, overall and within that field's value ({@link ArrivalOrder}); with
     * {@code listedBy} too (a list field of the documents, e.g. their bureaus) it keeps a list per group and value
     * of the documents in the order they gained that value ({@link BureauArrivals}).
     */
    record DocumentPerAggregate(String aggregateType, String collection, String arrivalGroup, String listedBy) {

        public DocumentPerAggregate(String aggregateType, String collection) {
            this(aggregateType, collection, null, null);
        }
    }
}
