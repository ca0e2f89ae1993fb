package io.consultdesk.command.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.axonframework.common.DateTimeUtils.parseInstant;

/**
 * Axon's event store on MongoDB as a log with global positions. Appending a commit reserves its positions
 * from a counter and inserts its events with those positions as {@code _id}; the unique
 * {@code aggregateKey} (aggregate id + sequence) refuses a second writer of the same event, which Axon
 * reports as a concurrency conflict (or, for a first event, as "exists already"). The relay reads by position
 * ({@link TrackedEventReader}); an aggregate's history is read by its keys. Every query on the hot paths
 * is an equality or {@code $in} on {@code _id} or {@code aggregateKey}: answered from an index by real
 * MongoDB and by the embedded wire server alike, whatever the size of the log.
 */
public class PositionedEventStorageEngine extends BatchingEventStorageEngine {

    /** The collections of the log, its position counter and the snapshots, in the event store's database. */
    public static final String EVENTS = "events";
    public static final String SNAPSHOTS = "snapshots";
    public static final String COUNTERS = "positions";

    /** Events of one aggregate read per lookup (one {@code $in} of this many keys); an item has a handful. */
    static final int AGGREGATE_BATCH = 16;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final EventPositions positions;
    private final TrackedEventReader reader;
    private final GroupCommit writer;

    protected PositionedEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.positions = new EventPositions(builder.database.getCollection(COUNTERS), events);
        this.reader = new TrackedEventReader(events, positions, builder.gapTimeout, builder.clock);
        this.writer = new GroupCommit(events, positions);
        events.createIndex(new Document(EventDocuments.KEY, 1), new IndexOptions().unique(true).name("uniqueAggregateKey"));
        positions.ensureAhead();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Appends one commit: its events are serialized here, on the command's thread, then written together
     * with the commits of other commands waiting at the same moment ({@link GroupCommit}).
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> commit, Serializer serializer) {
        if (commit.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(commit.size());
        for (EventMessage<?> event : commit) {
            documents.add(EventDocuments.event(event, serializer));
        }
        GroupCommit.Commit pending = new GroupCommit.Commit(documents);
        try {
            writer.append(pending);
        } catch (MongoBulkWriteException e) {
            if (pending.clash() < 0) {
                throw new EventStoreException("the commit's positions were settled by the relay before it was written "
                        + "(the store was too slow); nothing was recorded, try again", e);
            }
            handlePersistenceException(e, commit.get(pending.clash()));
        }
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        List<String> keys = new ArrayList<>(AGGREGATE_BATCH);
        for (long s = firstSequenceNumber; s < firstSequenceNumber + AGGREGATE_BATCH; s++) {
            keys.add(EventDocuments.key(aggregateIdentifier, s));
        }
        List<Document> found = events.find(new Document(EventDocuments.KEY, new Document("$in", keys))).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(EventDocuments::sequence));
        List<DomainEventData<?>> history = new ArrayList<>(found.size());
        long expected = firstSequenceNumber;
        for (Document d : found) {
            if (EventDocuments.sequence(d) != expected) {
                break; // a history is a contiguous run of sequences
            }
            history.add(EventDocuments.entry(d));
            expected++;
        }
        return history;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return reader.read(lastToken, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long next = 0;
        List<? extends DomainEventData<?>> batch;
        do {
            batch = fetchDomainEvents(aggregateIdentifier, next, AGGREGATE_BATCH);
            next += batch.size();
        } while (batch.size() == AGGREGATE_BATCH);
        return next == 0 ? Optional.empty() : Optional.of(next - 1);
    }

    @Override
    public TrackingToken createTailToken() {
        return TrackedEventReader.start();
    }

    /** The position of the last event handed out; positions below it still empty are its gaps. */
    @Override
    public TrackingToken createHeadToken() {
        long head = positions.next() - 1;
        if (head < 0) {
            return TrackedEventReader.start();
        }
        List<Long> recent = new ArrayList<>();
        for (long p = Math.max(0, head - 255); p <= head; p++) {
            recent.add(p);
        }
        Set<Long> gaps = new TreeSet<>(recent);
        for (Document d : events.find(new Document("_id", new Document("$in", recent))).projection(new Document("_id", 1))) {
            gaps.remove(EventDocuments.position(d));
        }
        gaps.remove(head);
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    /**
     * A token just before the first event stored at or after {@code dateTime}: a binary search over positions
     * by key (positions follow time closely; a reader started here may see a few events twice, never miss one).
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 0;
        long high = positions.next() - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            Instant at = timestampAtOrAfter(middle, high);
            if (at == null || !at.isBefore(dateTime)) {
                high = middle - 1;
            } else {
                low = middle + 1;
            }
        }
        return GapAwareTrackingToken.newInstance(low - 1, Set.of());
    }

    /** The timestamp of the first event at or after {@code position} (up to {@code limit}); null if none. */
    private Instant timestampAtOrAfter(long position, long limit) {
        List<Long> probe = new ArrayList<>();
        for (long p = position; p <= Math.min(limit, position + 31); p++) {
            probe.add(p);
        }
        return events.find(new Document("_id", new Document("$in", probe))).into(new ArrayList<>()).stream()
                .filter(d -> !EventDocuments.isTombstone(d))
                .min(Comparator.comparingLong(EventDocuments::position))
                .map(d -> parseInstant(d.getString(EventDocuments.TIMESTAMP)))
                .orElse(null);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = EventDocuments.event(snapshot, serializer);
        document.put("_id", snapshot.getAggregateIdentifier());
        snapshots.replaceOne(new Document("_id", snapshot.getAggregateIdentifier()), document, new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(new Document("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(EventDocuments.entry(snapshot));
    }

    /** Builds the engine; {@link #database} is required. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        protected Builder() {
            persistenceExceptionResolver(DuplicateEvent::isCauseOf);
            finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_BATCH);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** How long a position may stay empty before the reader fences it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public PositionedEventStorageEngine build() {
            validate();
            return new PositionedEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("the event store needs its MongoDB database");
            }
        }
    }
}
