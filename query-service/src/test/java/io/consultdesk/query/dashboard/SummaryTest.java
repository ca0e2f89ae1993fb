package io.consultdesk.query.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.audit.Timelines;
import io.consultdesk.query.board.BoardFilter;
import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.query.consultation.ConsultationProjection;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.SampleItemEvents;
import io.consultdesk.query.feed.BatchApplier;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.HeldEventsAlert;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.feed.SummaryFolder;
import io.consultdesk.query.feed.Views;
import io.consultdesk.query.publication.PublishedTableProjection;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.query.submission.SubmissionProjection;
import io.consultdesk.security.Caller;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboards' summaries equal a recount of the item documents after normal batches, redeliveries, held
 * events, a replay into a new generation and crashes between the item writes and the summary writes; and a
 * dashboard request reads one summary document, whatever the number of items.
 */
class SummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Set<String> HOUSEKEEPING = Set.of("hello", "isMaster", "ismaster", "ping", "endSessions", "buildInfo",
            "createIndexes");
    private static final Projections REGISTERED = new Projections(List.of(new ConsultationProjection.Registration(),
            new SubmissionProjection.Registration(), new PublishedTableProjection.Registration(), new HistoryProjection.Registration(),
            new DashboardSummary.Registration()));
    private static final List<String> BUREAUS = SampleItemEvents.BUREAUS;
    private static final List<String> OUTCOMES = SampleItemEvents.OUTCOMES;
    private static final Instant NOW = Instant.parse("2024-09-20T00:00:00Z");

    private static MongoWireServer mongo;
    private static MongoClient client;
    private static MongoClient dead;
    private static final List<String> commands = new CopyOnWriteArrayList<>();
    /** Set when a summary update has gone through: the crash comes right after it. */
    private static volatile Runnable afterSummaryUpdate;

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
                        if (!HOUSEKEEPING.contains(event.getCommandName())) {
                            String collection = event.getCommand().get(event.getCommandName()).isString()
                                    ? event.getCommand().getString(event.getCommandName()).getValue() : "";
                            commands.add(event.getCommandName() + " " + collection.replaceAll("_g\\d+$", ""));
                        }
                    }

                    @Override
                    public void commandSucceeded(CommandSucceededEvent event) {
                        Runnable crash = afterSummaryUpdate;
                        if (crash != null && event.getCommandName().equals("update")
                                && commands.get(commands.size() - 1).equals("update summaries")) {
                            afterSummaryUpdate = null;
                            crash.run();
                        }
                    }
                })
                .build());
        dead = MongoClients.create(mongo.connectionString());
        dead.close(); // every use of it fails, as a store gone away would
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        views = new LiveViews(client.getDatabase("views_" + UUID.randomUUID().toString().replace("-", "")));
        applier = new BatchApplier(views, REGISTERED, JSON);
        applier.apply(List.of());
        commands.clear();
    }

    // ---- events: items of three consultations, assigned to one or two bureaus, decided, revised, some withdrawn ----


    /** Events {@code from}…{@code to-1} of items 0…{@code items-1}, interleaved. */
    private static List<EventEnvelope> events(int items, long from, long to) {
        List<EventEnvelope> events = new ArrayList<>();
        for (long sequence = from; sequence < to; sequence++) {
            for (int i = 0; i < items; i++) {
                // withdrawn items have no later event
                if (sequence <= 2 || Math.abs(("item-" + i).hashCode()) % 5 != 0) {
                    events.add(SampleItemEvents.event("item-" + i, sequence));
                }
            }
        }
        return events;
    }

    private static BatchApplier.Outcome apply(BatchApplier applier, List<EventEnvelope> events) {
        List<BatchApplier.Delivered> batch = new ArrayList<>();
        for (EventEnvelope e : events) {
            try {
                batch.add(new BatchApplier.Delivered(e, e.aggregateId(), JSON.writeValueAsString(e), "test"));
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
        }
        return applier.apply(batch);
    }

    // ---- recount ----

    /** The summaries recounted from the item documents: summary id → counter path → count, zeros left out. */
    static Map<String, Map<String, Long>> recount(Views views) {
        Map<String, Map<String, Long>> all = new TreeMap<>();
        DashboardSummary summary = new DashboardSummary();
        for (Document item : views.collection(SubmissionProjection.COLLECTION).find()) {
            summary.contributions(item).forEach((id, counters) -> counters.forEach((path, n) ->
                    all.computeIfAbsent(id, k -> new TreeMap<>()).merge(path, n, Long::sum)));
        }
        return all;
    }

    /** The summaries as stored, in the same shape. */
    static Map<String, Map<String, Long>> stored(Views views) {
        Map<String, Map<String, Long>> all = new TreeMap<>();
        for (Document d : views.collection(DashboardSummary.COLLECTION).find()) {
            Map<String, Long> counters = new TreeMap<>();
            flatten("", d.get(SummaryFolder.COUNTS, new Document()), counters);
            if (!counters.isEmpty()) {
                all.put(d.getString("_id"), counters);
            }
        }
        return all;
    }

    private static void flatten(String prefix, Document d, Map<String, Long> into) {
        d.forEach((k, v) -> {
            if (v instanceof Document sub) {
                flatten(prefix + k + ".", sub, into);
            } else if (((Number) v).longValue() != 0) {
                into.put(prefix + k, ((Number) v).longValue());
            }
        });
    }

    private void assertExact(Views views) {
        Map<String, Map<String, Long>> recount = recount(views);
        assertThat(recount).isNotEmpty();
        assertThat(stored(views)).isEqualTo(recount);
        for (Document item : views.collection(SubmissionProjection.COLLECTION).find()) {
            assertThat(item.get(SummaryFolder.OWED, new Document())).as("deltas left on %s", item.get("_id")).isEmpty();
        }
    }

    // ---- exactness ----

    @Test
    void afterNormalBatchesTheSummariesEqualARecount() {
        apply(applier, events(60, 0, 2));
        assertExact(views);
        apply(applier, events(60, 2, 5));
        assertExact(views);
        assertThat(stored(views).get("*|*")).containsEntry("total", 60L);
    }

    @Test
    void aRedeliveredBatchAddsNothing() {
        List<EventEnvelope> batch = events(40, 0, 4);
        apply(applier, batch);
        Map<String, Map<String, Long>> once = stored(views);
        apply(applier, batch);
        List<EventEnvelope> overlapping = new ArrayList<>(events(40, 2, 5));
        Collections.shuffle(overlapping, new Random(1));
        apply(applier, overlapping);
        assertExact(views);
        assertThat(stored(views).get("*|*")).isEqualTo(recount(views).get("*|*"));
        assertThat(once.get("*|*").get("total")).isEqualTo(40L);
    }

    @Test
    void eventsHeldForAMissingPredecessorCountWhenItComes() {
        List<EventEnvelope> zero = events(20, 0, 1);
        List<EventEnvelope> one = events(20, 1, 2);
        List<EventEnvelope> later = events(20, 2, 5);
        apply(applier, zero);
        assertThat(apply(applier, later).held()).isPositive();
        assertExact(views);
        apply(applier, one);
        assertThat(applier.heldEvents().count()).isZero();
        assertExact(views);
    }

    @Test
    void aReplayIntoANewGenerationCountsTheSame() {
        List<EventEnvelope> all = events(50, 0, 5);
        for (int from = 0; from < all.size(); from += 17) {
            apply(applier, all.subList(from, Math.min(all.size(), from + 17)));
        }
        assertExact(views);
        Views next = views.of("g2");
        apply(new BatchApplier(next, REGISTERED, JSON), all);
        assertExact(next);
        assertThat(stored(next)).isEqualTo(stored(views));
    }

    @Test
    void aCrashBetweenTheItemWritesAndTheSummaryWritesIsRepairedByTheRedelivery() {
        apply(applier, events(30, 0, 2));
        List<EventEnvelope> batch = events(30, 2, 4);
        // the items are written, then the store goes away before any summary is touched
        Failing failing = new Failing(views, DashboardSummary.COLLECTION);
        failing.down = false;
        BatchApplier crashing = new BatchApplier(failing, REGISTERED, JSON);
        failing.down = true;
        assertThatThrownBy(() -> apply(crashing, batch)).isInstanceOf(IllegalStateException.class);
        assertThat(views.collection(SubmissionProjection.COLLECTION).find(new Document("_id", "item-1")).first()
                .get(SummaryFolder.OWED, Document.class)).as("the delta waits on the item").isNotEmpty();
        assertThat(stored(views)).isNotEqualTo(recount(views));

        apply(applier, batch); // redelivered: the events are known applied, the deltas on the items are folded
        assertExact(views);
        apply(applier, events(30, 4, 5));
        assertExact(views);
    }

    @Test
    void aCrashAfterTheSummaryWritesBeforeTheItemsLetGoOfTheirDeltasCountsOnce() {
        apply(applier, events(30, 0, 2));
        List<EventEnvelope> batch = events(30, 2, 4);
        Failing failing = new Failing(views, SubmissionProjection.COLLECTION);
        failing.down = false;
        BatchApplier crashing = new BatchApplier(failing, REGISTERED, JSON);
        afterSummaryUpdate = () -> failing.down = true; // the summaries took the deltas; the items' $unset never comes
        assertThatThrownBy(() -> apply(crashing, batch)).isInstanceOf(IllegalStateException.class);
        assertThat(stored(views)).as("folded once already").isEqualTo(recount(views));

        // a new writer (the restarted service) gets the batch again, with more of the items' events
        BatchApplier restarted = new BatchApplier(views, REGISTERED, JSON);
        List<EventEnvelope> again = new ArrayList<>(batch);
        again.addAll(events(30, 4, 5));
        apply(restarted, again);
        assertExact(views);
        apply(restarted, events(30, 5, 6));
        assertExact(views);
    }

    // ---- dashboard requests ----

    @Test
    void aDashboardRequestReadsOneSummaryDocumentWhateverTheNumberOfItems() {
        Dashboard dashboard = dashboard();
        Caller supervisor = new Caller("s", "", Set.of("SUPERVISOR"));
        Caller official = new Caller("o", "甲局", Set.of("OFFICIAL"));
        apply(applier, events(10, 0, 3));
        for (int items : List.of(10, 300)) {
            apply(applier, events(items, 0, 4));
            for (Caller caller : List.of(supervisor, official)) {
                for (String consultation : new String[] {null, "c1"}) {
                    commands.clear();
                    DashboardView d = dashboard.compute(consultation, caller);
                    assertThat(commands).as("%d items, %s, %s", items, caller.name(), consultation).containsExactly("find summaries");
                    assertThat(d.total()).isEqualTo(expectedTotal(consultation, caller));
                }
            }
        }
        DashboardView d = dashboard.compute(null, supervisor);
        assertThat(d.bureaus()).containsKey("丁.局");
        assertThat(d.overdue()).as("open items due 13 September, asked on the 20th").isEqualTo(expectedOverdue());
    }

    @Test
    void itemsWaitingForCoHandlersAreCountedUntilEveryCoHandlerGaveItsOpinionOrTheItemIsDecided() throws Exception {
        Dashboard dashboard = dashboard();
        Caller supervisor = new Caller("s", "", Set.of("SUPERVISOR"));
        apply(applier, events(40, 0, 2));
        List<String> withCo = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int h = Math.abs(("item-" + i).hashCode());
            if (!BUREAUS.get(h % BUREAUS.size()).equals(BUREAUS.get((h / 7) % BUREAUS.size()))) {
                withCo.add("item-" + i);
            }
        }
        assertThat(withCo).isNotEmpty();
        assertThat(dashboard.compute(null, supervisor).awaitingCoHandlers()).isEqualTo(withCo.size());
        String first = withCo.get(0);
        int h = Math.abs(first.hashCode());
        String co = BUREAUS.get((h / 7) % BUREAUS.size());
        EventEnvelope opinion = new EventEnvelope(UUID.randomUUID().toString(), "CoHandlingOpinionGiven", "1", "Submission", first, 2,
                Instant.parse("2024-09-03T01:00:00Z"), "o", co, "corr", JSON.readTree("""
                {"submissionId":"%s","bureau":"%s","opinion":"同意","givenAt":"2024-09-03T01:00:00Z","stillAwaited":[]}"""
                .formatted(first, co)));
        apply(applier, List.of(opinion));
        DashboardView after = dashboard.compute(null, supervisor);
        assertThat(after.awaitingCoHandlers()).isEqualTo(withCo.size() - 1);
        assertThat(after.awaitedFrom().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(withCo.size() - 1);
        assertExact(views);
    }

    @Test
    void acrossConsultationsOutcomesAreComparedByClassWhileEachConsultationKeepsItsWords() throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        String[][] decisions = {{"yes-no", "是", "ACCEPTED"}, {"yes-no", "否", "NOT_ACCEPTED"}, {"words", "采纳", "ACCEPTED"},
                {"words", "已反馈", "EXPLAINED"}, {"old", "采纳", null}, {"old", "部分采纳", null}};
        for (int i = 0; i < decisions.length; i++) {
            String item = "cls-" + i;
            events.add(envelope("SubmissionReceived", item, 0, """
                    {"submissionId":"%s","consultationId":"%s","submitterKind":"PERSON","submitterPublicName":"李*",
                     "opinion":"o","channel":"IMPORT","receivedAt":"2024-09-02T01:00:00Z","citedClauses":[],"citedChapters":[]}"""
                    .formatted(item, decisions[i][0])));
            events.add(envelope("SubmissionAssigned", item, 1, """
                    {"submissionId":"%s","leadBureau":"甲局","coBureaus":[],"basis":[],"triage":true,"catalogueVersion":1,
                     "assignedAt":"2024-09-02T01:00:00Z","handlingWorkingDays":15,"dueAt":"2024-09-23T15:59:59Z"}""".formatted(item)));
            // a decision recorded before classes existed names none: it is classed by the default words
            events.add(envelope("SubmissionDecided", item, 2, """
                    {"submissionId":"%s","outcome":"%s","reason":"","decidedByBureau":"甲局","decidedAt":"2024-09-03T01:00:00Z"%s}"""
                    .formatted(item, decisions[i][1], decisions[i][2] == null ? "" : ",\"outcomeClass\":\"" + decisions[i][2] + "\"")));
        }
        apply(applier, events);
        assertExact(views);
        Caller supervisor = new Caller("s", "", Set.of("SUPERVISOR"));
        DashboardView all = dashboard().compute(null, supervisor);
        assertThat(all.outcomes()).isEqualTo(Map.of("采纳", 3, "部分采纳", 1, "不采纳", 1, "解释说明及其他", 1));
        assertThat(List.copyOf(all.outcomes().keySet())).containsExactly("采纳", "部分采纳", "不采纳", "解释说明及其他");
        assertThat(all.outcomeClasses()).isEqualTo(Map.of("ACCEPTED", 3, "PARTLY", 1, "NOT_ACCEPTED", 1, "EXPLAINED", 1));
        DashboardView yesNo = dashboard().compute("yes-no", supervisor);
        assertThat(yesNo.outcomes()).isEqualTo(Map.of("是", 1, "否", 1));
        assertThat(yesNo.outcomeClasses()).isEqualTo(Map.of("ACCEPTED", 1, "NOT_ACCEPTED", 1));
        assertThat(all.bureaus().get("甲局").outcomes()).isEqualTo(Map.of("采纳", 3, "部分采纳", 1, "不采纳", 1, "解释说明及其他", 1));
        assertThat(yesNo.bureaus().get("甲局").outcomes()).isEqualTo(Map.of("是", 1, "否", 1));
    }

    private static EventEnvelope envelope(String type, String item, long sequence, String payload) throws Exception {
        return new EventEnvelope(UUID.randomUUID().toString(), type, "1", "Submission", item, sequence,
                Instant.parse("2024-09-02T01:00:00Z").plusSeconds(sequence), "clerk", "", "corr", JSON.readTree(payload));
    }

    @Test
    void aBoardQueryTheSummaryCountsTakesItsTotalFromItAndCountsNoItems() {
        apply(applier, events(80, 0, 4));
        StatusBoard board = new StatusBoard(views, new Summaries(views), new Timelines(views, new Consultations(views, new Summaries(views))), Clock.fixed(NOW, ZoneOffset.UTC));
        Caller supervisor = new Caller("s", "", Set.of("SUPERVISOR"));
        Caller official = new Caller("o", "乙局", Set.of("OFFICIAL"));
        List<BoardFilter> counted = List.of(
                filter("c1", null, null, null, null, null), filter(null, "ASSIGNED", null, null, null, null),
                filter("c2", null, "丙局", null, "采纳", null), filter(null, null, null, "（2）", null, null),
                filter("c0", null, null, "（1.1）", "不采纳", null), filter(null, null, "丁.局", null, null, true));
        for (Caller caller : List.of(supervisor, official)) {
            for (BoardFilter f : counted) {
                long recount = recountBoard(f, caller);
                commands.clear();
                StatusBoard.Page page = board.query(f, caller);
                if (caller == supervisor || f.bureau() == null) {
                    // the count from the summary, no count of the items; the page by key (see FirstPageByArrivalTest)
                    assertThat(commands).as("%s as %s", f, caller.name()).startsWith("find summaries")
                            .isSubsetOf("find summaries", "find arrivals", "find bureau_arrivals", "find submissions");
                }
                assertThat(page.total()).as("%s as %s", f, caller.name()).isEqualTo(recount);
            }
        }
        BoardFilter text = new BoardFilter("c1", null, null, null, null, null,
                "o", null, 0, 10, null);
        long recount = recountBoard(text, supervisor);
        commands.clear();
        assertThat(board.query(text, supervisor).total()).isEqualTo(recount);
        assertThat(commands).as("a text: the page by key, the matching items' ids counted (no store count)")
                .containsExactly("find summaries", "find arrivals", "find submissions", "find submissions");
    }

    private static BoardFilter filter(String consultation, String state, String bureau, String clause,
                                                                 String outcome, Boolean overdue) {
        return new BoardFilter(consultation, state, bureau, clause, outcome, overdue, null, null, 0, 10, null);
    }

    /** The board's count, as the items give it. */
    private long recountBoard(BoardFilter f, Caller caller) {
        long n = 0;
        for (Document item : views.collection(SubmissionProjection.COLLECTION).find()) {
            List<String> bureaus = item.getList("bureaus", String.class, List.of());
            boolean late = ItemStates.OPEN.contains(item.getString("state")) && item.getDate("dueAt") != null
                    && item.getDate("dueAt").toInstant().isBefore(NOW);
            if ((caller.seesAllItems() || bureaus.contains(caller.bureau()))
                    && (f.consultation() == null || f.consultation().equals(item.getString("consultationId")))
                    && (f.state() == null || f.state().equals(item.getString("state")))
                    && (f.bureau() == null || bureaus.contains(f.bureau()))
                    && (f.clause() == null || item.getList("citedClauses", String.class, List.of()).contains(f.clause()))
                    && (f.outcome() == null || f.outcome().equals(item.getString("outcome")))
                    && (f.overdue() == null || f.overdue() == late)
                    && (f.text() == null || item.getString("opinion").contains(f.text()))) {
                n++;
            }
        }
        return n;
    }

    private int expectedTotal(String consultation, Caller caller) {
        int n = 0;
        for (Document item : views.collection(SubmissionProjection.COLLECTION).find()) {
            if ((consultation == null || consultation.equals(item.getString("consultationId")))
                    && (caller.seesAllItems() || item.getList("bureaus", String.class, List.of()).contains(caller.bureau()))) {
                n++;
            }
        }
        return n;
    }

    private int expectedOverdue() {
        int n = 0;
        for (Document item : views.collection(SubmissionProjection.COLLECTION).find()) {
            if (ItemStates.OPEN.contains(item.getString("state")) && item.getDate("dueAt") != null
                    && item.getDate("dueAt").toInstant().isBefore(NOW)) {
                n++;
            }
        }
        return n;
    }

    private Dashboard dashboard() {
        FeedLag lag = Mockito.mock(FeedLag.class);
        HeldEventsAlert held = Mockito.mock(HeldEventsAlert.class);
        Mockito.when(lag.snapshot()).thenReturn(new FeedLag.Snapshot(0, null));
        Mockito.when(held.snapshot()).thenReturn(Map.of());
        return new Dashboard(new Summaries(views), Clock.fixed(NOW, ZoneOffset.UTC), lag, held);
    }

    /** The views with one collection unreachable while {@code down}: a store gone away in the middle of a batch. */
    private static final class Failing implements Views {
        private final LiveViews real;
        private final String failing;
        volatile boolean down = true;

        Failing(LiveViews real, String failing) {
            this.real = real;
            this.failing = failing;
        }

        @Override
        public MongoCollection<Document> collection(String name) {
            if (down && name.equals(failing)) {
                MongoDatabase gone = dead.getDatabase(real.database().getName());
                return gone.getCollection(name + "_" + real.generation());
            }
            return real.collection(name);
        }

        @Override
        public String generation() {
            return real.generation();
        }
    }
}
