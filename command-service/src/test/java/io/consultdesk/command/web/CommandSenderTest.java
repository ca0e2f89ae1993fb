package io.consultdesk.command.web;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.consultdesk.command.eventstore.PositionedEventStorageEngine;
import io.consultdesk.command.eventstore.RecentAggregatesCache;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Two instances of command-service, each with its own aggregate cache, on one event log: what a stale cache
 * does to a command, and that one more attempt (after Axon's caching repository dropped the stale entry on
 * rollback) decides on the stored state.
 */
class CommandSenderTest {

    private static final Actor CLERK = new Actor("clerk", "", Set.of("CLERK"));
    private static MongoWireServer mongo;
    private static MongoClient client;

    private MongoDatabase database;
    private Instance a;
    private Instance b;

    @BeforeAll
    static void start() {
        mongo = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void twoInstancesOnOneLog() {
        database = client.getDatabase("log_" + UUID.randomUUID().toString().replace("-", ""));
        a = new Instance(database);
        b = new Instance(database);
    }

    @Test
    void aCommandWithoutExpectedVersionOnAStaleCacheIsSentAgainAndSucceeds() {
        String id = a.sender.send(new OpenTally(id()), CLERK); // a caches version 0
        b.sender.send(new AddToTally(id, "from b", null), CLERK); // the log is at version 1; a does not know

        a.sender.send(new AddToTally(id, "from a", null), CLERK);

        assertThat(notes(id)).as("the item's history, in order").containsExactly("opened", "from b", "from a");
        assertThat(a.retried()).as("commands a sent twice").isEqualTo(1);
        assertThat(b.retried()).isZero();
    }

    @Test
    void withoutTheSecondAttemptTheStaleCacheIsAConflict() {
        String id = a.sender.send(new OpenTally(id()), CLERK);
        b.sender.send(new AddToTally(id, "from b", null), CLERK);

        // straight through the gateway, as before: the clash surfaces, and the rollback drops a's stale entry
        assertThatThrownBy(() -> a.gateway.sendAndWait(new AddToTally(id, "from a", null)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(a.cache.containsKey(id)).as("the stale aggregate is still cached after the rollback").isFalse();
        a.gateway.sendAndWait(new AddToTally(id, "from a", null));
        assertThat(notes(id)).containsExactly("opened", "from b", "from a");
    }

    @Test
    void aStaleExpectedVersionIsStillAConflictNamingTheCurrentVersion() {
        String id = a.sender.send(new OpenTally(id()), CLERK);
        b.sender.send(new AddToTally(id, "from b", 0L), CLERK);

        assertThatThrownBy(() -> a.sender.send(new AddToTally(id, "from a", 0L), CLERK))
                .isInstanceOfSatisfying(ConflictingAggregateVersionException.class, e -> {
                    assertThat(e.getExpectedVersion()).isZero();
                    assertThat(e.getActualVersion()).isEqualTo(1);
                });
        assertThat(notes(id)).containsExactly("opened", "from b");
    }

    @Test
    void theRightExpectedVersionOnAStaleCacheSucceeds() {
        String id = a.sender.send(new OpenTally(id()), CLERK);
        b.sender.send(new AddToTally(id, "from b", 0L), CLERK);

        // a's cached version 0 is behind the expected 1: Axon refuses it as a conflicting version, on load
        a.sender.send(new AddToTally(id, "from a", 1L), CLERK);

        assertThat(notes(id)).containsExactly("opened", "from b", "from a");
        assertThat(a.retried()).isEqualTo(1);
    }

    @Test
    void anExpectedVersionNeverStoredIsAConflictAfterTheSecondAttempt() {
        String id = a.sender.send(new OpenTally(id()), CLERK);

        assertThatThrownBy(() -> a.sender.send(new AddToTally(id, "from a", 5L), CLERK))
                .isInstanceOfSatisfying(ConflictingAggregateVersionException.class,
                        e -> assertThat(e.getActualVersion()).isZero());
        assertThat(notes(id)).containsExactly("opened");
    }

    @Test
    void otherFailuresAreNotSentAgain() {
        String id = a.sender.send(new OpenTally(id()), CLERK);
        assertThatThrownBy(() -> b.sender.send(new OpenTally(id), CLERK)).as("the id exists already")
                .isNotInstanceOf(ConcurrencyException.class);
        assertThat(b.retried()).isZero();
    }

    private static String id() {
        return "tally-" + UUID.randomUUID();
    }

    /** The notes of an aggregate's stored events, in sequence order. */
    private List<String> notes(String id) {
        return database.getCollection(PositionedEventStorageEngine.EVENTS)
                .find(new Document("aggregateIdentifier", id)).sort(new Document("sequenceNumber", 1))
                .map(d -> d.getString("serializedPayload").replaceAll(".*\"note\":\"([^\"]*)\".*", "$1"))
                .into(new ArrayList<>());
    }

    /** One command-service as far as commands go: its own bus, cache and repository; the log is shared. */
    private static final class Instance {

        final RecentAggregatesCache cache = new RecentAggregatesCache(100);
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final DefaultCommandGateway gateway;
        final CommandSender sender;

        Instance(MongoDatabase database) {
            JacksonSerializer json = JacksonSerializer.defaultSerializer();
            PositionedEventStorageEngine engine = PositionedEventStorageEngine.builder().database(database)
                    .eventSerializer(json).snapshotSerializer(json).gapTimeout(Duration.ofSeconds(60)).batchSize(250).build();
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            SimpleCommandBus bus = SimpleCommandBus.builder().build();
            EventSourcingRepository<Tally> repository = EventSourcingRepository.builder(Tally.class)
                    .eventStore(store).cache(cache).build();
            AggregateAnnotationCommandHandler.<Tally>builder().aggregateType(Tally.class).repository(repository)
                    .build().subscribe(bus);
            gateway = DefaultCommandGateway.builder().commandBus(bus).build();
            sender = new CommandSender(gateway, registry);
        }

        double retried() {
            return registry.counter("consultdesk.commands.retried").count();
        }
    }

    record OpenTally(String id) {
    }

    record AddToTally(@TargetAggregateIdentifier String id, String note, @TargetAggregateVersion Long expectedVersion) {
    }

    record Noted(String id, String note) {
    }

    /** The smallest aggregate there is: a list of notes. */
    static class Tally {

        @AggregateIdentifier
        private String id;

        Tally() {
        }

        @CommandHandler
        Tally(OpenTally command) {
            apply(new Noted(command.id(), "opened"));
        }

        @CommandHandler
        void handle(AddToTally command) {
            apply(new Noted(id, command.note()));
        }

        @EventSourcingHandler
        void on(Noted event) {
            id = event.id();
        }
    }
}
