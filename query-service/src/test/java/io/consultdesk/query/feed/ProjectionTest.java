package io.consultdesk.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Projections fed events through the feed's applier: documents as expected, and no effect from a duplicate or an older event. */
class ProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static MongoWireServer mongo;
    private static MongoClient client;

    private LiveViews views;
    private BatchApplier applier;

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
        applier = new BatchApplier(views, AllProjections.REGISTERED, JSON);
    }

    /** The events as one batch of the feed. */
    static BatchApplier.Outcome apply(BatchApplier applier, EventEnvelope... events) {
        return applier.apply(Arrays.stream(events).map(ProjectionTest::delivered).toList());
    }

    static BatchApplier.Delivered delivered(EventEnvelope event) {
        try {
            return new BatchApplier.Delivered(event, event.aggregateId(), JSON.writeValueAsString(event), "test");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        apply(applier, event("SubmissionReceived", 0, RECEIVED));
        apply(applier, event("SubmissionAssigned", 1, ASSIGNED));
        apply(applier, event("SubmissionDecided", 2, DECIDED));
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
    void eventsRecordedBeforeCoHandlingOpinionsReadWithTheirMeaning() throws Exception {
        // a receipt without chosenClauses, a reassignment without awaitedOpinions, a decision without consideredOpinions
        apply(applier, event("SubmissionReceived", 0, RECEIVED));
        apply(applier, event("SubmissionAssigned", 1, ASSIGNED));
        apply(applier, event("SubmissionReassigned", 2, """
                {"submissionId":"s1","leadBureau":"乙局","coBureaus":["甲局","丙局"],"reason":"r",
                 "reassignedAt":"2024-09-03T01:00:00Z","dueAt":"2024-09-24T15:59:59Z"}"""));
        Document item = item();
        assertThat(item.getList("chosenClauses", String.class)).isEmpty();
        assertThat(item.getList("citedClauses", String.class)).containsExactly("（十一）");
        assertThat(item.getList(SubmissionProjection.AWAITING_CO_HANDLERS, String.class)).as("every co-handler asked")
                .containsExactly("甲局", "丙局");
        apply(applier, event("SubmissionDecided", 3, DECIDED));
        assertThat(item().getList("consideredOpinions", String.class)).isEmpty();
    }

    @Test
    void aClauseChosenIsCitedAndAnOpinionGivenLeavesTheOtherCoHandlersAwaited() throws Exception {
        apply(applier, event("SubmissionReceived", 0, RECEIVED.replace("\"citedChapters\":[]", "\"citedChapters\":[],\"chosenClauses\":[\"（三）\"]")));
        apply(applier, event("SubmissionAssigned", 1, ASSIGNED.replace("[\"乙局\"]", "[\"乙局\",\"丙局\"]")));
        apply(applier, event("CoHandlingOpinionGiven", 2, """
                {"submissionId":"s1","bureau":"乙局","opinion":"同意","givenAt":"2024-09-03T01:00:00Z","stillAwaited":["丙局"]}"""));
        Document item = item();
        assertThat(item.getList("citedClauses", String.class)).as("the chosen clause first").containsExactly("（三）", "（十一）");
        assertThat(item.getList(SubmissionProjection.AWAITING_CO_HANDLERS, String.class)).containsExactly("丙局");
        assertThat(item.getString("state")).isEqualTo("ASSIGNED");
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() throws Exception {
        EventEnvelope received = event("SubmissionReceived", 0, RECEIVED);
        EventEnvelope assigned = event("SubmissionAssigned", 1, ASSIGNED);
        EventEnvelope decided = event("SubmissionDecided", 2, DECIDED);
        apply(applier, received);
        apply(applier, assigned);
        apply(applier, decided);
        Document before = item();

        apply(applier, decided);
        apply(applier, assigned);
        apply(applier, received);
        assertThat(item()).isEqualTo(before);
        assertThat(views.collection(HistoryProjection.COLLECTION).countDocuments()).as("one timeline entry per event id").isEqualTo(3);
    }

    @Test
    void anEventArrivingBeforeItsPredecessorIsHeldNotApplied() throws Exception {
        apply(applier, event("SubmissionReceived", 0, RECEIVED));
        BatchApplier.Outcome outcome = apply(applier, event("SubmissionDecided", 2, DECIDED));
        assertThat(outcome.applied()).isZero();
        assertThat(outcome.held()).isEqualTo(1);
        assertThat(outcome.refused()).isEmpty();
        assertThat(item().getString("state")).isEqualTo("RECEIVED");
        assertThat(views.collection(HistoryProjection.COLLECTION).countDocuments()).as("not in the timeline either").isEqualTo(1);
    }

    @Test
    void anEventArrivingBeforeItsPredecessorIsHeldThenAppliedInOrder() throws Exception {
        EventEnvelope decided = event("SubmissionDecided", 2, DECIDED);
        EventEnvelope assigned = event("SubmissionAssigned", 1, ASSIGNED);
        assertThat(apply(applier, event("SubmissionReceived", 0, RECEIVED)).applied()).isEqualTo(1);
        assertThat(apply(applier, decided).held()).as("2 before 1: held").isEqualTo(1);
        assertThat(applier.heldEvents().count()).isEqualTo(1);
        assertThat(item().getString("state")).isEqualTo("RECEIVED");

        // a restart in between: what is held is in the database, not in memory
        BatchApplier afterRestart = new BatchApplier(views, AllProjections.REGISTERED, JSON);
        assertThat(apply(afterRestart, assigned).applied()).as("1, then the held 2").isEqualTo(2);
        assertThat(item().getString("state")).as("1 applied, then the held 2").isEqualTo("DECIDED");
        assertThat(item().get(BatchApplier.LAST_SEQUENCE, Number.class).longValue()).isEqualTo(2);
        assertThat(afterRestart.heldEvents().count()).isZero();
        assertThat(afterRestart.heldEvents().oldestHeld()).isZero();
    }

    @Test
    void anEventOfAnUnknownTypeOrVersionIsRefusedAndTheItemStaysAsItWas() throws Exception {
        apply(applier, event("SubmissionReceived", 0, RECEIVED));
        for (EventEnvelope unknown : List.of(event("SubmissionTranslated", 1, "{\"language\":\"en\"}"),
                withVersion(event("SubmissionAssigned", 1, ASSIGNED), "2"))) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(EventFeedListener.SUBMISSIONS, 0, 7L, "s1",
                    JSON.writeValueAsString(unknown));
            assertThatThrownBy(() -> EventFeedListener.parse(JSON, record))
                    .isInstanceOf(PublishedLanguage.UnknownEventType.class)
                    .hasMessageContaining(unknown.type() + " version " + unknown.version());
        }
        assertThat(item().getString("state")).isEqualTo("RECEIVED");
        assertThat(item().get(BatchApplier.LAST_SEQUENCE, Number.class).longValue()).isZero();
    }

    private static EventEnvelope withVersion(EventEnvelope e, String version) {
        return new EventEnvelope(e.eventId(), e.type(), version, e.aggregateType(), e.aggregateId(), e.sequence(),
                e.occurredAt(), e.actor(), e.actorBureau(), e.correlationId(), e.payload());
    }

    @Test
    void generationsAreSeparateAndTheSwitchIsRemembered() throws Exception {
        apply(applier, event("SubmissionReceived", 0, RECEIVED));
        String next = views.nextGeneration();
        apply(new BatchApplier(views.of(next), AllProjections.REGISTERED, JSON), event("SubmissionReceived", 0, RECEIVED));
        views.switchTo(next);
        assertThat(new LiveViews(views.database()).generation()).isEqualTo(next);
        assertThat(item()).isNotNull();
        views.drop("g1");
        assertThat(views.database().listCollectionNames().into(new ArrayList<>())).noneMatch(n -> n.endsWith("_g1"));
    }
}
