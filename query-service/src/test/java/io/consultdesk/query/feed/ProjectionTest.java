package io.consultdesk.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.submission.SubmissionProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Projections fed events directly: documents as expected, and no effect from a duplicate or an older event. */
class ProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static MongoWireServer mongo;
    private static MongoClient client;

    private LiveViews views;
    private List<Projection> projections;

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
    void fresh() {
        MongoDatabase db = client.getDatabase("views_" + UUID.randomUUID().toString().replace("-", ""));
        views = new LiveViews(db);
        projections = AllProjections.forViews(views);
    }

    static EventEnvelope event(String type, long sequence, String payload) throws Exception {
        return new EventEnvelope(UUID.randomUUID().toString(), type, "1", "Submission", "s1", sequence,
                Instant.parse("2024-09-02T01:00:00Z").plusSeconds(sequence), "clerk", "", "corr", JSON.readTree(payload));
    }

    static final String RECEIVED = """
            {"submissionId":"s1","consultationId":"c1","submitterKind":"PERSON","submitterPublicName":"陈*天",
             "sealedSubmitter":{"keyId":"k","ciphertext":"x"},"opinion":"第（十一）条建议","channel":"WEB",
             "receivedAt":"2024-09-02T01:00:00Z","citedClauses":["（十一）"],"citedChapters":[]}""";
    static final String ASSIGNED = """
            {"submissionId":"s1","leadBureau":"甲局","coBureaus":["乙局"],"basis":[{"clause":"（十一）","units":["甲局","乙局"]}],
             "triage":false,"catalogueVersion":1,"assignedAt":"2024-09-02T01:00:00Z","handlingWorkingDays":15,"dueAt":"2024-09-23T15:59:59Z"}""";
    static final String DECIDED = """
            {"submissionId":"s1","outcome":"采纳","reason":"。","decidedByBureau":"甲局","decidedAt":"2024-09-05T01:00:00Z"}""";

    private Document item() {
        return views.collection(SubmissionProjection.COLLECTION).find(Filters.eq("_id", "s1")).first();
    }

    @Test
    void eventsBuildTheItemDocument() throws Exception {
        Projections.apply(projections, event("SubmissionReceived", 0, RECEIVED));
        Projections.apply(projections, event("SubmissionAssigned", 1, ASSIGNED));
        Projections.apply(projections, event("SubmissionDecided", 2, DECIDED));
        Document item = item();
        assertThat(item.getString("state")).isEqualTo("DECIDED");
        assertThat(item.getList("bureaus", String.class)).containsExactly("甲局", "乙局");
        assertThat(item.getString("outcome")).isEqualTo("采纳");
        assertThat(item.get("lastSequence", Number.class).longValue()).isEqualTo(2);
        assertThat(item.getDate("dueAt").toInstant()).isEqualTo(Instant.parse("2024-09-23T15:59:59Z"));
        assertThat(item.toJson()).doesNotContain("ciphertext");
        assertThat(views.collection(HistoryProjection.COLLECTION).countDocuments()).isEqualTo(3);
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() throws Exception {
        EventEnvelope received = event("SubmissionReceived", 0, RECEIVED);
        EventEnvelope assigned = event("SubmissionAssigned", 1, ASSIGNED);
        EventEnvelope decided = event("SubmissionDecided", 2, DECIDED);
        Projections.apply(projections, received);
        Projections.apply(projections, assigned);
        Projections.apply(projections, decided);
        Document before = item();

        Projections.apply(projections, decided);
        Projections.apply(projections, assigned);
        Projections.apply(projections, received);
        assertThat(item()).isEqualTo(before);
        assertThat(views.collection(HistoryProjection.COLLECTION).countDocuments()).as("one timeline entry per event id").isEqualTo(3);
    }

    @Test
    void anEventArrivingBeforeItsPredecessorIsRefusedNotSkipped() throws Exception {
        Projections.apply(projections, event("SubmissionReceived", 0, RECEIVED));
        assertThatThrownBy(() -> Projections.apply(projections, event("SubmissionDecided", 2, DECIDED)))
                .isInstanceOf(SequencedWriter.OutOfOrderEvent.class);
        assertThat(item().getString("state")).isEqualTo("RECEIVED");
    }

    @Test
    void anEventArrivingBeforeItsPredecessorIsHeldThenAppliedInOrder() throws Exception {
        ItemOrder order = new ItemOrder(views, AllProjections.REGISTERED, JSON);
        EventEnvelope decided = event("SubmissionDecided", 2, DECIDED);
        EventEnvelope assigned = event("SubmissionAssigned", 1, ASSIGNED);
        assertThat(order.apply(event("SubmissionReceived", 0, RECEIVED), "")).isEqualTo(1);
        assertThat(order.apply(decided, JSON.writeValueAsString(decided))).as("2 before 1: held").isZero();
        assertThat(order.heldCount()).isEqualTo(1);
        assertThat(item().getString("state")).isEqualTo("RECEIVED");

        // a restart in between: what is held is in the database, not in memory
        ItemOrder afterRestart = new ItemOrder(views, AllProjections.REGISTERED, JSON);
        assertThat(afterRestart.apply(assigned, JSON.writeValueAsString(assigned))).as("1, then the held 2").isEqualTo(2);
        assertThat(item().getString("state")).as("1 applied, then the held 2").isEqualTo("DECIDED");
        assertThat(item().get(SequencedWriter.LAST_SEQUENCE, Number.class).longValue()).isEqualTo(2);
        assertThat(afterRestart.heldCount()).isZero();
        assertThat(afterRestart.oldestHeld()).isZero();
    }

    @Test
    void anEventOfAnUnknownTypeOrVersionIsRefusedAndTheItemStaysAsItWas() throws Exception {
        Projections.apply(projections, event("SubmissionReceived", 0, RECEIVED));
        for (EventEnvelope unknown : List.of(event("SubmissionTranslated", 1, "{\"language\":\"en\"}"),
                withVersion(event("SubmissionAssigned", 1, ASSIGNED), "2"))) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(EventFeedListener.SUBMISSIONS, 0, 7L, "s1",
                    JSON.writeValueAsString(unknown));
            assertThatThrownBy(() -> EventFeedListener.parse(JSON, record))
                    .isInstanceOf(PublishedLanguage.UnknownEventType.class)
                    .hasMessageContaining(unknown.type() + " version " + unknown.version());
        }
        assertThat(item().getString("state")).isEqualTo("RECEIVED");
        assertThat(item().get(SequencedWriter.LAST_SEQUENCE, Number.class).longValue()).isZero();
    }

    private static EventEnvelope withVersion(EventEnvelope e, String version) {
        return new EventEnvelope(e.eventId(), e.type(), version, e.aggregateType(), e.aggregateId(), e.sequence(),
                e.occurredAt(), e.actor(), e.actorBureau(), e.correlationId(), e.payload());
    }

    @Test
    void generationsAreSeparateAndTheSwitchIsRemembered() throws Exception {
        Projections.apply(projections, event("SubmissionReceived", 0, RECEIVED));
        String next = views.nextGeneration();
        Projections.apply(AllProjections.forViews(views.of(next)), event("SubmissionReceived", 0, RECEIVED));
        views.switchTo(next);
        assertThat(new LiveViews(views.database()).generation()).isEqualTo(next);
        assertThat(item()).isNotNull();
        views.drop("g1");
        assertThat(views.database().listCollectionNames().into(new java.util.ArrayList<>())).noneMatch(n -> n.endsWith("_g1"));
    }
}
