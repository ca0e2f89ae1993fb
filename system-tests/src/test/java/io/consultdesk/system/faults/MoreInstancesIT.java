package io.consultdesk.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import io.consultdesk.localstack.ServiceProcess;
import io.consultdesk.system.Api;
import io.consultdesk.system.Fixtures;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-services and two query-services on one store and one broker (see README, "Running more
 * instances"): conflicts between instances are found by the event log's unique key, a stale cache costs a
 * second attempt and never a wrong refusal, the relay runs on one instance and fails over when it dies, the
 * query-services share the partitions and lose nothing when one dies — and the fault invariant holds after it all.
 * The tests run in order on one stack; the later ones kill what the earlier ones need.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoreInstancesIT {

    private static TwoOfEachStack stack;
    /** Command-service 1 with query-service 1, command-service 2 with query-service 2. */
    private static Api a;
    private static Api b;
    private static String consultation;
    /** The command-service that outlives the relay's fail-over (the other is killed there). */
    private static int survivingCommand = 0;

    @BeforeAll
    static void start() {
        long started = System.nanoTime();
        stack = new TwoOfEachStack("more-instances");
        System.out.printf("two command-services and two query-services healthy after %.1f s%n", (System.nanoTime() - started) / 1e9);
        a = stack.api(0, 0);
        b = stack.api(1, 1);
        consultation = Fixtures.openConsultation(a);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The consultation's rules each instance keeps (checked by the key of the consultation's next event) must
     * follow a change made on the other instance: closed on B, a comment from the public on A is refused.
     */
    @Test
    @Order(1)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aConsultationClosedOnOneInstanceIsClosedOnTheOther() {
        String closing = Fixtures.openConsultation(a); // a has the consultation cached as it opened it
        assertThat(submit(a, closing).status()).as("a comment before the closure").isEqualTo(201); // and now its rules too

        Api.Reply closed = b.command("admin", "POST", "/api/consultations/" + closing + "/closure", null);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        Api.Reply late = submit(a, closing);
        assertThat(late.status()).as("a comment from the public on the other instance after the closure: " + late).isEqualTo(409);
        assertThat(late.json().path("code").asText()).isEqualTo("consultation-closed");
    }

    /** Both instances decide one item at the same moment with the version they saw: one wins, the other is told. */
    @Test
    @Order(2)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentDecisionsOnOneItemFromBothInstancesOneWins() throws Exception {
        String id = receivedItem(a);
        for (int round = 0; round < 4; round++) {
            long version = storedVersion(id);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (Api instance : List.of(a, b)) {
                String outcome = instance == a ? "采纳" : "不采纳";
                replies.add(two.submit(() -> {
                    go.await();
                    return decide(instance, id, outcome, version);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Reply> r : replies) {
                statuses.add(r.get(30, TimeUnit.SECONDS).status());
            }
            two.shutdown();
            assertThat(statuses).as("round %d at version %d: replies of instance 1 and 2", round, version)
                    .containsExactlyInAnyOrder(200, 409);
            assertThat(storedVersion(id)).as("round %d: exactly one decision stored", round).isEqualTo(version + 1);
        }
    }

    /**
     * A's cache holds the item as A received it; B decides it; A revises it without an expected version — it
     * must succeed (A notices the clash, drops its stale copy and decides again on the stored item), and the
     * history holds both decisions in order. Then the same with the version the client saw: accepted too.
     */
    @Test
    @Order(3)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aCommandOnAnInstanceWithAStaleCacheIsSentAgainNotRefused() {
        String id = receivedItem(a);
        double retriedBefore = retried(a);
        assertThat(decide(b, id, "采纳", null).status()).as("decided on instance 2").isEqualTo(200);

        Api.Reply revised = decide(a, id, "不采纳", null);
        assertThat(revised.status()).as("revised on instance 1, whose cached copy is stale: " + revised).isEqualTo(200);
        assertThat(outcomes(id)).as("the item's stored history").containsExactly(
                "SubmissionReceived", "SubmissionAssigned", "SubmissionDecided:采纳", "SubmissionDecisionRevised:不采纳");
        assertThat(retried(a) - retriedBefore).as("commands instance 1 sent a second time").isEqualTo(1);

        assertThat(decide(b, id, "部分采纳", 3L).status()).as("revised on instance 2 at version 3").isEqualTo(200);
        Api.Reply withVersion = decide(a, id, "采纳", 4L);
        assertThat(withVersion.status()).as("the current version 4 sent to instance 1, whose copy is at 3: " + withVersion).isEqualTo(200);
        Api.Reply stale = decide(b, id, "不采纳", 4L);
        assertThat(stale.status()).as("a really stale version is still refused: " + stale).isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(5);
    }

    /**
     * The relay: both command-services run the tracking processor, one holds the claim of its one segment and
     * publishes, each event once. Its instance is killed outright; the other must take the claim over once
     * it has timed out, and a comment received after the kill must reach the read side.
     */
    @Test
    @Order(4)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theRelayRunsOnOneInstanceAndFailsOverWhenItDies() {
        Document claim = await("a command-service claims the relay's segment", Duration.ofSeconds(60), () -> relayClaims().size() == 1
                && relayClaims().get(0).getString("owner") != null, MoreInstancesIT::relayClaims).get(0);
        long ownerPid = pidOf(claim.getString("owner"));
        List<Long> pids = stack.commandServices.stream().map(TwoOfEachStack::pid).toList();
        assertThat(pids).as("the claim's owner %s is one of the command-services", claim.getString("owner")).contains(ownerPid);
        int owner = pids.indexOf(ownerPid);
        survivingCommand = 1 - owner;
        Api survivor = stack.api(survivingCommand, 0);

        Set<String> items = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            items.add(receivedItem(i % 2 == 0 ? a : b));
        }
        try (Topics topics = new Topics(stack.kafkaBootstrap())) {
            for (String item : items) {
                awaitOnReadSide(a, item, 1, Duration.ofSeconds(30));
            }
            Map<String, Integer> records = topics.submissionRecordsByKey(items);
            assertThat(records).as("records on the topic per item received on either instance (2 events each: sent once)")
                    .hasSize(items.size()).allSatisfy((item, count) -> assertThat(count).as(item).isEqualTo(2));
        }

        ServiceProcess dying = stack.commandServices.get(owner);
        long killed = System.nanoTime();
        dying.kill();
        String afterKill = receivedItem(survivor);
        long survivorPid = pids.get(survivingCommand);
        await("the surviving command-service claims the relay's segment", Duration.ofSeconds(60),
                () -> relayClaims().stream().anyMatch(c -> c.getString("owner") != null && pidOf(c.getString("owner")) == survivorPid),
                () -> relayClaims());
        double claimedAfter = (System.nanoTime() - killed) / 1e9;
        awaitOnReadSide(a, afterKill, 1, Duration.ofSeconds(60));
        double visibleAfter = (System.nanoTime() - killed) / 1e9;
        System.out.printf("relay fail-over: claim taken over %.1f s after the SIGKILL of its instance; "
                + "a comment received after the kill on the read side after %.1f s%n", claimedAfter, visibleAfter);
        assertThat(relayClaims()).as("still one segment, one owner").hasSize(1);
    }

    /**
     * The two query-services share the submissions topic's partitions. One is killed during a burst of
     * comments; the other takes over its partitions, and every comment answered 201 reaches the read side.
     */
    @Test
    @Order(5)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theQueryServicesShareThePartitionsAndLoseNothingWhenOneDies() throws Exception {
        Api survivor = stack.api(survivingCommand, 0);
        try (Topics topics = new Topics(stack.kafkaBootstrap())) {
            Map<String, Set<Integer>> shared = await("both query-services hold partitions of " + Topics.SUBMISSIONS,
                    Duration.ofSeconds(60), () -> {
                        Map<String, Set<Integer>> members = topics.submissionPartitionsByMember();
                        return members.size() == 2 && members.values().stream().noneMatch(Set::isEmpty)
                                && members.values().stream().mapToInt(Set::size).sum() == 3;
                    }, topics::submissionPartitionsByMember);
            System.out.println("partitions of " + Topics.SUBMISSIONS + " by consumer: " + shared);

            List<String> accepted = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(2);
            List<Future<?>> burst = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                burst.add(clients.submit(() -> {
                    String id = "inst-" + UUID.randomUUID();
                    if (submit(survivor, consultation, id).status() == 201) {
                        accepted.add(id);
                    }
                }));
            }
            await("40 comments of the burst accepted", Duration.ofSeconds(60), () -> accepted.size() >= 40, accepted::size);
            long killed = System.nanoTime();
            stack.queryServices.get(1).kill();
            for (Future<?> f : burst) {
                f.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();
            assertThat(accepted).as("comments answered 201").hasSize(120);

            Map<String, Set<Integer>> alone = await("one query-service holds all partitions", Duration.ofSeconds(60), () -> {
                Map<String, Set<Integer>> members = topics.submissionPartitionsByMember();
                return members.size() == 1 && members.values().iterator().next().size() == 3;
            }, topics::submissionPartitionsByMember);
            System.out.printf("partitions moved to the surviving query-service %.1f s after the SIGKILL: %s%n",
                    (System.nanoTime() - killed) / 1e9, alone);
            for (String id : accepted) {
                awaitOnReadSide(survivor, id, 1, Duration.ofSeconds(60));
            }
        }
    }

    @Test
    @Order(6)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theFaultInvariantHolds() {
        Invariant.holds(stack.mongoClient, stack.api(survivingCommand, 0), Duration.ofSeconds(120), Set.of());
    }

    // --- helpers ---

    private static Api.Reply submit(Api api, String consultationId) {
        return submit(api, consultationId, "inst-" + UUID.randomUUID());
    }

    private static Api.Reply submit(Api api, String consultationId, String id) {
        return api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"第（三）条建议"}"""
                .formatted(id, consultationId));
    }

    /** A comment received through {@code api}: its id. */
    private static String receivedItem(Api api) {
        String id = "inst-" + UUID.randomUUID();
        Api.Reply r = submit(api, consultation, id);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id;
    }

    private static Api.Reply decide(Api api, String id, String outcome, Long expectedVersion) {
        return api.command("supervisor", "POST", "/api/submissions/" + id + "/decision",
                "{\"outcome\":\"" + outcome + "\",\"reason\":\"。\"" + (expectedVersion == null ? "" : ",\"expectedVersion\":" + expectedVersion) + "}");
    }

    /** The item's version as the event store has it (its last sequence): no waiting for the read side. */
    private static long storedVersion(String id) {
        return history(id).size() - 1;
    }

    private static List<JsonNode> history(String id) {
        Api.Reply events = stack.api(survivingCommand, 0).command("auditor", "GET", "/api/submissions/" + id + "/events", null);
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        events.json().forEach(list::add);
        return list;
    }

    /** The stored events' types, with the outcome where there is one, in sequence order. */
    private static List<String> outcomes(String id) {
        return history(id).stream().map(e -> e.path("type").asText()
                + (e.path("payload").has("outcome") ? ":" + e.path("payload").path("outcome").asText() : "")).toList();
    }

    private static double retried(Api api) {
        Api.Reply metric = api.command("admin", "GET", "/actuator/metrics/consultdesk.commands.retried", null);
        assertThat(metric.status()).as(metric.toString()).isEqualTo(200);
        return metric.json().path("measurements").get(0).path("value").asDouble();
    }

    private static void awaitOnReadSide(Api api, String id, long version, Duration within) {
        api.awaitQuery("supervisor", "/api/submissions/" + id,
                r -> r.status() == 200 && r.json().path("version").asLong() == version, within);
    }

    private static List<Document> relayClaims() {
        return stack.mongoClient.getDatabase("consultdesk_events").getCollection("trackingtokens")
                .find(Filters.eq("processorName", "kafka-relay")).into(new ArrayList<>());
    }

    /** Axon names a claim's owner after the JVM: {@code pid@host}. */
    private static long pidOf(String owner) {
        return Long.parseLong(owner.substring(0, owner.indexOf('@')));
    }

    /** Polls until {@code until} holds; then returns {@code what}, else fails naming it and its last value. */
    private static <T> T await(String description, Duration within, BooleanSupplier until, Supplier<T> what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!until.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + description + "; last seen: " + what.get());
            }
            Invariant.sleep(100);
        }
        return what.get();
    }
}
