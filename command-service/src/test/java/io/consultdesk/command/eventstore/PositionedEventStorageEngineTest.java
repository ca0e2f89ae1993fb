package io.consultdesk.command.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.consultdesk.command.publishedlanguage.EventUpcasters;
import io.consultdesk.command.publishedlanguage.PublishedEventSerializer;
import io.consultdesk.command.publishedlanguage.PublishedEvents;
import io.consultdesk.command.publishedlanguage.PublishedJson;
import io.consultdesk.command.submission.SubmissionRejected;
import io.consultdesk.command.submission.SubmissionWithdrawn;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import org.assertj.core.groups.Tuple;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event log by position, on the embedded wire server through the real driver: appends, histories,
 * conflicts, the relay's reading in position order with late and never-written positions, and the round
 * trips each costs.
 */
class PositionedEventStorageEngineTest {

    private static MongoWireServer mongo;
    private static MongoClient client;
    private static final AtomicInteger commands = new AtomicInteger();
    private static final Serializer JSON = new PublishedEventSerializer(
            JacksonSerializer.builder().objectMapper(PublishedJson.mapper().copy()).build(), PublishedEvents.get());

    private MongoDatabase database;
    private MovableClock clock;
    private PositionedEventStorageEngine engine;

    @BeforeAll
    static void start() {
        mongo = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(mongo.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.incrementAndGet();
                    }
                }).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void freshLog() {
        database = client.getDatabase("log_" + UUID.randomUUID().toString().replace("-", ""));
        clock = new MovableClock();
        engine = engine();
    }

    private PositionedEventStorageEngine engine() {
        return PositionedEventStorageEngine.builder().database(database).eventSerializer(JSON).snapshotSerializer(JSON)
                .upcasterChain(EventUpcasters.chain()).gapTimeout(Duration.ofSeconds(60)).clock(clock).batchSize(250).build();
    }

    private static DomainEventMessage<?> event(String item, long sequence) {
        Object payload = sequence % 2 == 0 ? new SubmissionWithdrawn(item, "撤回 " + sequence, Instant.parse("2024-09-02T00:00:00Z"))
                : new SubmissionRejected(item, "广告 " + sequence, Instant.parse("2024-09-02T00:00:00Z"));
        return new GenericDomainEventMessage<>("Submission", item, sequence, payload);
    }

    private List<TrackedEventData<?>> read(TrackingToken token) {
        return engine.fetchTrackedEvents(token, 250).stream().<TrackedEventData<?>>map(e -> e).toList();
    }

    private static List<String> ids(List<TrackedEventData<?>> read) {
        return read.stream().map(e -> (DomainEventData<?>) e)
                .map(e -> e.getAggregateIdentifier() + "#" + e.getSequenceNumber()).toList();
    }

    @Test
    void aCommitGetsConsecutivePositionsAndAHistoryIsReadByItsKeys() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1)));
        engine.appendEvents(List.of(event("b", 0)));
        engine.appendEvents(List.of(event("a", 2)));
        List<Document> stored = database.getCollection("events").find().into(new ArrayList<>());
        assertThat(stored).extracting(d -> d.get("_id"), d -> d.getString("aggregateKey"))
                .containsExactlyInAnyOrder(
                        Tuple.tuple(0L, "a/0000000000000000000"), Tuple.tuple(1L, "a/0000000000000000001"),
                        Tuple.tuple(2L, "b/0000000000000000000"), Tuple.tuple(3L, "a/0000000000000000002"));
        List<Object> history = engine.readEvents("a").asStream().map(e -> (Object) e.getPayload()).toList();
        assertThat(history).containsExactly(event("a", 0).getPayload(), event("a", 1).getPayload(), event("a", 2).getPayload());
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
        assertThat(StoredAggregates.inMongo(database.getCollection("events")).hasEvent("a", 2)).isTrue();
        assertThat(StoredAggregates.inMongo(database.getCollection("events")).exists("c")).isFalse();
    }

    @Test
    void aSecondWriterOfTheSameEventIsAConflictAndLeavesNothingHalfWritten() {
        engine.appendEvents(List.of(event("a", 0)));
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 0))))
                .as("a first event twice: the item exists already").isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(List.of(event("a", 1)));
        // a commit whose second event clashes: its first event must not appear either
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("b", 0), event("a", 1))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("b").asStream().count()).as("nothing of the refused commit").isZero();
        assertThat(ids(read(null))).containsExactly("a#0", "a#1");
        engine.appendEvents(List.of(event("b", 0)));
        assertThat(ids(read(null))).containsExactly("a#0", "a#1", "b#0");
    }

    @Test
    void aPositionWrittenLateIsReadWhenItArrivesAndNothingAfterItWaitsForIt() {
        EventPositions positions = new EventPositions(database.getCollection("positions"), database.getCollection("events"));
        long reserved = positions.reserve(1); // a writer took position 0 and has not written yet
        engine.appendEvents(List.of(event("b", 0)));
        List<TrackedEventData<?>> first = read(null);
        assertThat(ids(first)).containsExactly("b#0");
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(1);
        assertThat(token.getGaps()).containsExactly(reserved);

        database.getCollection("events").insertOne(EventDocuments.placed(EventDocuments.event(event("a", 0), JSON), reserved, reserved, 1));
        List<TrackedEventData<?>> late = read(token);
        assertThat(ids(late)).containsExactly("a#0");
        assertThat(((GapAwareTrackingToken) late.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(read(late.get(0).trackingToken())).isEmpty();
    }

    @Test
    void aPositionNeverWrittenIsFencedAfterTheGapTimeoutAndItsWriterRefused() {
        EventPositions positions = new EventPositions(database.getCollection("positions"), database.getCollection("events"));
        long lost = positions.reserve(1);
        engine.appendEvents(List.of(event("b", 0)));
        TrackingToken token = read(null).get(0).trackingToken();
        clock.advance(Duration.ofSeconds(61));
        assertThat(read(token)).isEmpty();
        engine.appendEvents(List.of(event("c", 0)));
        List<TrackedEventData<?>> after = read(token);
        assertThat(ids(after)).containsExactly("c#0");
        assertThat(((GapAwareTrackingToken) after.get(0).trackingToken()).getGaps()).as("the fenced position is settled").isEmpty();
        assertThatThrownBy(() -> database.getCollection("events").insertOne(EventDocuments.placed(EventDocuments.event(event("a", 0), JSON), lost, lost, 1)))
                .as("its writer can no longer write it").isInstanceOf(MongoWriteException.class);
    }

    @Test
    void aCommitIsReadOnlyWhenAllItsEventsAreThere() {
        EventPositions positions = new EventPositions(database.getCollection("positions"), database.getCollection("events"));
        long first = positions.reserve(2);
        database.getCollection("events").insertOne(EventDocuments.placed(EventDocuments.event(event("a", 0), JSON), first, first, 2));
        assertThat(read(null)).as("half a commit is not handed out").isEmpty();
        database.getCollection("events").insertOne(EventDocuments.placed(EventDocuments.event(event("a", 1), JSON), first + 1, first, 2));
        assertThat(ids(read(null))).containsExactly("a#0", "a#1");
    }

    @Test
    void aLongRunOfSettledPositionsDoesNotStallTheReader() {
        EventPositions positions = new EventPositions(database.getCollection("positions"), database.getCollection("events"));
        long first = positions.reserve(700);
        List<Document> tombstones = new ArrayList<>();
        for (long p = first; p < first + 700; p++) {
            tombstones.add(EventDocuments.tombstone(p));
        }
        database.getCollection("events").insertMany(tombstones);
        engine.appendEvents(List.of(event("a", 0)));
        List<TrackedEventData<?>> read = read(null);
        assertThat(ids(read)).containsExactly("a#0");
        assertThat(((GapAwareTrackingToken) read.get(0).trackingToken()).getIndex()).isEqualTo(700);
    }

    @Test
    void aLongRangeReservedAheadIsLookedAtABoundedStretchAtATimeAndReadAsItIsWritten() {
        EventPositions positions = new EventPositions(database.getCollection("positions"), database.getCollection("events"));
        long first = positions.reserve(50_000); // a bulk writer reserves its whole range, then writes it in order
        int before = commands.get();
        assertThat(read(null)).isEmpty();
        assertThat(commands.get() - before).as("the counter and the positions of at most ~4,096 empty ones, 250 a lookup")
                .isLessThanOrEqualTo(1 + TrackedEventReader.MAX_EMPTY_PER_READ / 250 + 2);

        List<Document> written = new ArrayList<>();
        for (long p = first; p < first + 300; p++) {
            written.add(EventDocuments.placed(EventDocuments.event(event("bulk-" + p, 0), JSON), p, p, 1));
        }
        database.getCollection("events").insertMany(written);
        List<TrackedEventData<?>> read = read(null);
        assertThat(read).hasSize(250);
        assertThat(ids(read(read.get(249).trackingToken()))).hasSize(50);
    }

    @Test
    void positionsAreNeverHandedOutTwiceEvenWhenTheCounterIsLost() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1), event("a", 2)));
        database.getCollection("positions").deleteMany(new Document());
        engine = engine();
        engine.appendEvents(List.of(event("b", 0)));
        assertThat(database.getCollection("events").find(new Document("aggregateKey", EventDocuments.key("b", 0))).first().get("_id"))
                .isEqualTo(3L);
    }

    @Test
    void eachPathCostsAFixedNumberOfRoundTrips() {
        for (int i = 0; i < 200; i++) {
            engine.appendEvents(List.of(event("item-" + i, 0), event("item-" + i, 1)));
        }
        int before = commands.get();
        engine.appendEvents(List.of(event("x", 0), event("x", 1)));
        assertThat(commands.get() - before).as("append: reserve + insert").isEqualTo(2);

        before = commands.get();
        assertThat(engine.readEvents("item-7").asStream().count()).isEqualTo(2);
        assertThat(commands.get() - before).as("a history: one lookup of its keys").isEqualTo(1);

        before = commands.get();
        assertThat(read(null)).hasSize(250);
        assertThat(commands.get() - before).as("a relay fetch: the counter + one lookup of positions").isEqualTo(2);
        assertThat(engine.createTokenAt(Instant.parse("2000-01-01T00:00:00Z"))).isEqualTo(GapAwareTrackingToken.newInstance(-1, List.of()));
    }

    @Test
    void concurrentCommitsShareRoundTripsAndEachSucceedsOrFailsOnItsOwn() throws Exception {
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        int before = commands.get();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    engine.appendEvents(List.of(event("t" + thread + "-" + i, 0), event("t" + thread + "-" + i, 1)));
                    try {
                        // every thread also tries to create the same shared items: one of them wins each
                        engine.appendEvents(List.of(event("shared-" + i, 0)));
                    } catch (AggregateStreamCreationException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int appends = threads * perThread * 2;
        int commandsUsed = commands.get() - before;
        System.out.printf("group commit: %d appends from %d threads in %d commands (%.2f per append)%n",
                appends, threads, commandsUsed, commandsUsed / (double) appends);

        assertThat(refused.get()).as("each shared item created once, the other writers refused").isEqualTo((threads - 1) * perThread);
        List<TrackedEventData<?>> all = new ArrayList<>();
        TrackingToken token = null;
        for (List<TrackedEventData<?>> batch = read(null); !batch.isEmpty(); batch = read(token)) {
            all.addAll(batch);
            token = batch.get(batch.size() - 1).trackingToken();
        }
        assertThat(all).hasSize(threads * perThread * 2 + perThread);
        assertThat(ids(all)).doesNotHaveDuplicates();
        for (int t = 0; t < threads; t++) {
            assertThat(engine.readEvents("t" + t + "-" + (perThread - 1)).asStream().count()).isEqualTo(2);
        }
        long settled = database.getCollection("events").countDocuments(new Document("tombstone", true));
        assertThat(settled).as("every refused commit's position is settled").isEqualTo((threads - 1) * perThread);
        assertThat(commandsUsed).as("commits waiting together share a reservation and an insert")
                .isLessThan(2 * appends + 2 * refused.get());
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
