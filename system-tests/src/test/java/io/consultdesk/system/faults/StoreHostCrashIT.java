package io.consultdesk.system.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.consultdesk.system.Api;
import io.consultdesk.system.Fixtures;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process hosting the store dies: comments acknowledged with 201, then the launcher (which hosts the
 * Kafka broker and the MongoDB wire server) and both services are killed outright, and the launcher is
 * started again on the same data. Every acknowledged comment must still be in the event store and reach
 * the read side.
 */
class StoreHostCrashIT {

    private static final int COMMENTS = 150;
    /** What receiving a comment records: SubmissionReceived and SubmissionAssigned (routed on receipt). */
    private static final int EVENTS_PER_COMMENT = 2;

    private static final LauncherProcess launcher = new LauncherProcess("store-host-crash");

    @AfterAll
    static void stop() {
        launcher.killAndDeleteData();
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void everyAcknowledgedCommentSurvivesAKillOfTheProcessHostingTheStore() throws Exception {
        Api api = launcher.start().api();
        String consultation = Fixtures.openConsultation(api);
        List<String> acknowledged = submit(api, consultation);
        assertThat(acknowledged).as("comments answered 201").hasSize(COMMENTS);

        launcher.killWithDescendants(); // at once: nothing gets the chance to write what it held
        launcher.start();

        try (MongoClient mongo = MongoClients.create(launcher.mongoUri())) {
            MongoCollection<Document> events = mongo.getDatabase("consultdesk_events").getCollection("events");
            Map<String, Long> wrong = new LinkedHashMap<>();
            for (String id : acknowledged) {
                long stored = events.countDocuments(Filters.eq("aggregateIdentifier", id));
                if (stored != EVENTS_PER_COMMENT) {
                    wrong.put(id, stored);
                }
            }
            assertThat(wrong).as("acknowledged comments whose events (want %d each) are not all in the event store "
                    + "after the crash, by id: stored count", EVENTS_PER_COMMENT).isEmpty();
        }

        Api restarted = launcher.api();
        for (String id : acknowledged) {
            Api.Reply item = restarted.awaitQuery("supervisor", "/api/submissions/" + id,
                    r -> r.status() == 200 && r.json().path("version").asLong() == EVENTS_PER_COMMENT - 1,
                    Duration.ofSeconds(90));
            assertThat(item.json().path("state").asText()).as(id).isEqualTo("ASSIGNED");
            assertThat(item.json().path("consultationId").asText()).as(id).isEqualTo(consultation);
        }
    }

    /** Four clerks submit the comments side by side (staff are not rate-limited); returns the ids answered 201. */
    private static List<String> submit(Api api, String consultation) throws Exception {
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clerks = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            String id = "crash-" + UUID.randomUUID();
            work.add(clerks.submit(() -> {
                Api.Reply reply = api.command("clerk", "POST", "/api/submissions", """
                        {"id":"%s","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"第（三）条建议明确资助比例。"}"""
                        .formatted(id, consultation));
                (reply.status() == 201 ? acknowledged : refused).add(id + ": " + reply);
            }));
        }
        for (Future<?> f : work) {
            f.get(2, TimeUnit.MINUTES);
        }
        clerks.shutdown();
        assertThat(refused).as("comments not answered 201").isEmpty();
        return acknowledged.stream().map(s -> s.substring(0, s.indexOf(':'))).toList();
    }
}
