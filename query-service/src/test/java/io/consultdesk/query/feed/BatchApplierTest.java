package io.consultdesk.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.consultation.ConsultationProjection;
import io.consultdesk.query.publication.PublishedTableProjection;
import io.consultdesk.query.submission.SubmissionProjection;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's batch write: what a batch costs in commands (counted on the wire by the driver), and that it keeps
 * each item's order, its sequence guard against a second writer and its dead-lettering per item.
 */
class BatchApplierTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Set<String> HOUSEKEEPING = Set.of("hello", "isMaster", "ismaster", "ping", "endSessions", "buildInfo");
    private static MongoWireServer mongo;
    /** Every command this test's client sent, as "name collection". */
    private static final List<String> commands = new CopyOnWriteArrayList<>();
    /** Runs once when the next {@code update} command starts: another writer getting in between read and write. */
    private static volatile Consumer<String> beforeNextUpdate;
    private static MongoClient client;
    private static MongoClient otherWriter;

    private LiveViews views;
    private BatchApplier applier;

    @BeforeAll
    static void start() {
        mongo = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (HOUSEKEEPING.contains(event.getCommandName())) {
                            return;
                        }
                        String collection = event.getCommand().get(event.getCommandName()).isString()
                                ? event.getCommand().getString(event.getCommandName()).getValue() : "";
                        commands.add(event.getCommandName() + " " + collection.replaceAll("_g\\d+$", ""));
                        Consumer<String> hook = beforeNextUpdate;
                        if (hook != null && event.getCommandName().equals("update")) {
                            beforeNextUpdate = null;
                            hook.accept(collection);
                        }
                    }
                })
                .build());
        otherWriter = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        otherWriter.close();
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        String database = "views_" + UUID.randomUUID().toString().replace("-", "");
        views = new LiveViews(client.getDatabase(database));
        applier = new BatchApplier(views, AllProjections.REGISTERED, JSON);
        apply(applier, List.of()); // loads which items have held events: once per generation, not per batch
        commands.clear();
    }

    // ---- events ----

    private static EventEnvelope submission(String item, long sequence) {
        String type = sequence == 0 ? "SubmissionReceived" : sequence == 1 ? "SubmissionAssigned"
                : sequence == 2 ? "SubmissionDecided" : "SubmissionDecisionRevised";
        String payload = switch (type) {
            case "SubmissionReceived" -> ProjectionTest.RECEIVED;
            case "SubmissionAssigned" -> ProjectionTest.ASSIGNED;
            case "SubmissionDecided" -> ProjectionTest.DECIDED;
            default -> """
                    {"submissionId":"s1","revision":%d,"outcome":"部分采纳","reason":"第%d次修订。","decidedByBureau":"甲局",
                     "revisedAt":"2024-09-06T01:00:00Z"}""".formatted(sequence - 2, sequence - 2);
        };
        return event(type, "Submission", item, sequence, payload);
    }

    private static EventEnvelope event(String type, String aggregateType, String id, long sequence, String payload) {
        try {
            return new EventEnvelope(UUID.randomUUID().toString(), type, "1", aggregateType, id, sequence,
                    Instant.parse("2024-09-02T01:00:00Z").plusSeconds(sequence), "clerk", "", "corr", JSON.readTree(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code perItem} events (sequences {@code from}…) of each of {@code items} items, interleaved as partitions deliver them. */
    private static List<EventEnvelope> events(String prefix, int items, long from, int perItem) {
        List<EventEnvelope> events = new ArrayList<>();
        for (long sequence = from; sequence < from + perItem; sequence++) {
            for (int i = 0; i < items; i++) {
                events.add(submission(prefix + i, sequence));
            }
        }
        return events;
    }

    private static BatchApplier.Outcome apply(BatchApplier applier, List<EventEnvelope> events) {
        return applier.apply(events.stream().map(ProjectionTest::delivered).toList());
    }

    private Document item(String id) {
        return views.collection(SubmissionProjection.COLLECTION).find(new Document("_id", id)).first();
    }

    private long lastSequence(String id) {
        return item(id).get(BatchApplier.LAST_SEQUENCE, Number.class).longValue();
    }

    private long history(String id) {
        return views.collection(HistoryProjection.COLLECTION).countDocuments(new Document("aggregateId", id));
    }

    // ---- round trips ----

    /**
     * The items' writes (new items numbered in order of arrival first, see {@link ArrivalOrder}, and entered in
     * their bureaus' lists, see {@link BureauArrivals}), then the dashboards' summaries folded in (see {@link SummaryFolder}).
     */
    private static final String[] ITEMS_AND_SUMMARIES = {"find submissions", "insert history", "findAndModify arrivals",
            "findAndModify arrivals", "insert bureau_arrivals", "update submissions", "find summaries", "find submissions", "update summaries", "update submissions"};

    @Test
    void aBatchCostsTenCommandsWhateverItsSize() {
        BatchApplier.Outcome big = apply(applier, events("big-", 50, 0, 4));
        assertThat(big.applied()).isEqualTo(200);
        assertThat(commands).as("200 new events of 50 new items").containsExactly(ITEMS_AND_SUMMARIES);

        commands.clear();
        assertThat(apply(applier, events("big-", 50, 4, 4)).applied()).isEqualTo(200);
        assertThat(commands).as("200 further events of the same 50 items, revisions that change nothing the summaries count")
                .containsExactly("find submissions", "insert history", "update submissions");

        commands.clear();
        assertThat(apply(applier, events("small-", 5, 0, 4)).applied()).isEqualTo(20);
        assertThat(commands).as("20 events of 5 items").containsExactly(ITEMS_AND_SUMMARIES);

        assertThat(lastSequence("big-7")).isEqualTo(7);
        assertThat(item("big-7").getInteger("revisions")).as("the last of the item's events wins").isEqualTo(5);
        assertThat(item("big-7").getString("reason")).isEqualTo("第5次修订。");
        assertThat(item("small-3").getString("state")).isEqualTo("DECIDED");
        assertThat(history("big-7")).isEqualTo(8);
    }

    @Test
    void aRedeliveredBatchWritesOnlyItsTimelineAgainAndChangesNothing() {
        List<EventEnvelope> batch = events("again-", 50, 0, 4);
        apply(applier, batch);
        Document before = item("again-9");
        commands.clear();

        BatchApplier.Outcome again = apply(applier, batch);
        assertThat(again.applied()).isZero();
        assertThat(commands).as("every event known applied from one read").containsExactly("find submissions");
        assertThat(item("again-9")).isEqualTo(before);
        assertThat(history("again-9")).isEqualTo(4);
    }

    @Test
    void consultationAndSubmissionEventsInOneBatchCostOneReadAndOneWritePerCollection() {
        String opened = """
                {"consultationId":"c1","title":"t","draftingUnit":"u","deadline":"2024-09-16","outcomes":["采纳"],
                 "handlingWorkingDays":15,"clauses":[],"openedAt":"2024-09-01T00:00:00Z"}""";
        String published = """
                {"consultationId":"c1","version":1,"heading":"h","rowCount":1,"totals":{"采纳":1},"leftOut":[],
                 "publishedAt":"2024-09-10T00:00:00Z"}""";
        String row = """
                {"submissionId":"s1","consultationId":"c1","tableVersion":1,"rowNumber":1,"submitterPublicName":"陈*天",
                 "opinion":"o","outcome":"采纳","decisionText":"采纳。","publishedAt":"2024-09-10T00:00:00Z"}""";
        List<EventEnvelope> batch = new ArrayList<>(events("mixed-", 10, 0, 3));
        batch.add(event("ConsultationOpened", "Consultation", "c1", 0, opened));
        batch.add(event("ConsultationClosed", "Consultation", "c1", 1, "{}"));
        batch.add(event("TablePublished", "Consultation", "c1", 2, published));
        batch.add(event("SubmissionPublished", "Submission", "mixed-0", 3, row));

        assertThat(apply(applier, batch).applied()).isEqualTo(34);
        assertThat(commands).containsExactlyInAnyOrder("find submissions", "find consultations", "insert history",
                "update published_rows", "update published_tables", "findAndModify arrivals", "findAndModify arrivals",
                "insert bureau_arrivals", "update submissions", "update consultations",
                "find summaries", "find submissions", "update summaries", "update submissions");
        assertThat(views.collection(ConsultationProjection.COLLECTION).find(new Document("_id", "c1")).first())
                .containsEntry("state", "CLOSED").containsEntry("publishedVersion", 1).containsEntry(BatchApplier.LAST_SEQUENCE, 2L);
        assertThat(item("mixed-0").getString("state")).isEqualTo("PUBLISHED");
        assertThat(views.collection(PublishedTableProjection.ROWS).countDocuments()).isEqualTo(1);
    }

    // ---- order ----

    @Test
    void anItemsEventsOutOfOrderInOneBatchAreAppliedInOrder() {
        BatchApplier.Outcome outcome = apply(applier, List.of(submission("s", 2), submission("s", 0), submission("s", 1)));
        assertThat(outcome.applied()).isEqualTo(3);
        assertThat(outcome.held()).isZero();
        assertThat(item("s").getString("state")).isEqualTo("DECIDED");
    }

    @Test
    void eventsAheadOfAMissingPredecessorAreHeldAndFollowItInALaterBatch() {
        BatchApplier.Outcome first = apply(applier, List.of(submission("s", 0), submission("s", 2), submission("s", 3),
                submission("other", 0)));
        assertThat(first.applied()).isEqualTo(2);
        assertThat(first.held()).isEqualTo(2);
        assertThat(lastSequence("s")).isZero();
        assertThat(applier.heldEvents().count()).isEqualTo(2);

        commands.clear();
        BatchApplier.Outcome second = apply(applier, List.of(submission("s", 1)));
        assertThat(commands).as("the held events read and forgotten by their ids").containsExactly(
                "find held_events", "find submissions", "insert history", "findAndModify arrivals", "insert bureau_arrivals",
                "update submissions",
                "find summaries", "find submissions", "update summaries", "update submissions", "delete held_events");
        assertThat(second.applied()).as("1, then the held 2 and 3").isEqualTo(3);
        assertThat(lastSequence("s")).isEqualTo(3);
        assertThat(history("s")).isEqualTo(4);
        assertThat(applier.heldEvents().count()).isZero();
    }

    // ---- a second writer ----

    @Test
    void aSecondWriterThatMovedTheItemFurtherIsNotOverwritten() {
        apply(applier, List.of(submission("s", 0)));
        EventEnvelope assigned = submission("s", 1);
        EventEnvelope decided = submission("s", 2);
        // between this applier's read (s at 0) and its write, another writer (a replay at its switch-over) applies 1 and 2
        BatchApplier other = new BatchApplier(new LiveViews(otherWriter.getDatabase(views.database().getName())), AllProjections.REGISTERED, JSON);
        beforeNextUpdate = collection -> apply(other, List.of(assigned, decided));

        BatchApplier.Outcome outcome = apply(applier, List.of(assigned));
        assertThat(outcome.refused()).isEmpty();
        assertThat(item("s").getString("state")).as("not set back to ASSIGNED").isEqualTo("DECIDED");
        assertThat(lastSequence("s")).isEqualTo(2);
        assertThat(history("s")).isEqualTo(3);
    }

    @Test
    void aSecondWriterThatMovedTheItemLessFarMakesThisOneFoldAgainFromThere() {
        apply(applier, List.of(submission("s", 0)));
        List<EventEnvelope> run = List.of(submission("s", 1), submission("s", 2), submission("s", 3));
        BatchApplier other = new BatchApplier(new LiveViews(otherWriter.getDatabase(views.database().getName())), AllProjections.REGISTERED, JSON);
        beforeNextUpdate = collection -> apply(other, run.subList(0, 1));
        commands.clear();

        BatchApplier.Outcome outcome = apply(applier, run);
        assertThat(commands).as("lost the compare-and-set: read again, fold 2 and 3 again, write them").containsExactly(
                "find submissions", "insert history", "findAndModify arrivals", "insert bureau_arrivals", "update submissions",
                "find submissions", "insert history", "update submissions",
                "find summaries", "find submissions", "update summaries", "update submissions");
        assertThat(outcome.applied()).as("1 was applied by the other writer").isEqualTo(2);
        assertThat(lastSequence("s")).isEqualTo(3);
        assertThat(item("s").getInteger("revisions")).isEqualTo(1);
        assertThat(item("s").getString("leadBureau")).as("event 1, applied by the other writer, is kept").isEqualTo("甲局");
        assertThat(history("s")).isEqualTo(4);
    }

    // ---- refusals ----

    @Test
    void aRefusedEventStopsOnlyItsItemAndWhatFollowsItThere() {
        EventEnvelope badAssignment = event("SubmissionAssigned", "Submission", "bad", 1,
                "{\"submissionId\":\"bad\",\"leadBureau\":\"甲局\",\"assignedAt\":\"not a time\"}");
        EventEnvelope behind = submission("bad", 2);
        BatchApplier.Outcome outcome = apply(applier, List.of(submission("bad", 0), submission("good", 0), badAssignment,
                submission("good", 1), behind, submission("good", 2)));

        assertThat(outcome.applied()).isEqualTo(4);
        assertThat(outcome.refused()).extracting(r -> r.delivered().event()).containsExactly(badAssignment, behind);
        assertThat(outcome.refused().get(0).reason()).contains("not a time");
        assertThat(outcome.refused().get(1).reason()).isEqualTo(BatchApplier.BEHIND);
        assertThat(item("bad").getString("state")).as("stopped where it was").isEqualTo("RECEIVED");
        assertThat(item("bad")).doesNotContainKey("leadBureau");
        assertThat(history("bad")).isEqualTo(1);
        assertThat(item("good").getString("state")).isEqualTo("DECIDED");
    }
}
