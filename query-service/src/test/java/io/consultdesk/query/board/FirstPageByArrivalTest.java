package io.consultdesk.query.board;

import io.consultdesk.query.audit.Timelines;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.dashboard.DashboardSummary;
import io.consultdesk.query.dashboard.Summaries;
import io.consultdesk.query.feed.ArrivalOrder;
import io.consultdesk.query.SampleItemEvents;
import io.consultdesk.query.ViewsFixture;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.submission.SubmissionProjection;
import io.consultdesk.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's pages read by key in order of arrival show exactly what the store's own query shows, in that
 * order, with the same total; reading them asks the store nothing but lookups of keys; and where items have
 * no number the board asks the store its query instead.
 */
class FirstPageByArrivalTest {

    private static final List<String> BUREAUS = SampleItemEvents.BUREAUS;
    private static final List<String> OUTCOMES = SampleItemEvents.OUTCOMES;
    private static final Instant NOW = Instant.parse("2024-09-20T00:00:00Z");
    private static final Caller SUPERVISOR = new Caller("s", "", Set.of("SUPERVISOR"));
    private static final Caller OFFICIAL = new Caller("o", "乙局", Set.of("OFFICIAL"));
    private static final Caller NOBODY = new Caller("n", "", Set.of());
    private static final int ITEMS = 900;

    private static ViewsFixture store;
    private static LiveViews views;

    @BeforeAll
    static void start() {
        store = new ViewsFixture();
        views = store.freshViews();
        // items arrive over several batches, their later events interleaved with others' first ones
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            for (long s = 0; s <= (i % 3 == 0 ? 1 : 3); s++) { // a third stay open
                events.add(SampleItemEvents.event("item-" + i, s));
            }
        }
        events.sort(Comparator.comparingLong(e -> Long.parseLong(e.aggregateId().substring(5)) / 40 * 10 + e.sequence()));
        for (int from = 0; from < events.size(); from += 400) {
            store.apply(views, events.subList(from, Math.min(events.size(), from + 400)));
        }
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    static Stream<BoardFilter> filters() {
        return Stream.of(
                filter(null, null, null, null, null, null, 0),
                filter("c1", null, null, null, null, null, 0),
                filter("c1", null, null, null, null, null, 3),
                filter("c2", "DECIDED", null, null, null, null, 0),
                filter(null, "WITHDRAWN", null, null, null, null, 1),
                filter("c0", null, "丁.局", null, null, null, 0),
                filter("c0", null, null, "（3）", null, null, 0),
                filter(null, null, null, "（2.1）", "部分采纳", null, 0),
                filter("c1", null, null, null, "不采纳", null, 0),
                filter(null, null, null, null, null, Boolean.TRUE, 0));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void aPageByKeyIsTheStoresAnswerInOrderOfArrival(BoardFilter filter) {
        for (Caller caller : List.of(SUPERVISOR, OFFICIAL)) {
            BoardCriteria criteria = new BoardCriteria(filter, caller, NOW);
            List<Document> all = views.collection(SubmissionProjection.COLLECTION).find(criteria.filter()).into(new ArrayList<>());
            all.sort(Comparator.comparingLong(d -> d.get(ArrivalOrder.ALL, Number.class).longValue()));
            List<String> expected = all.stream().skip((long) filter.page() * filter.size()).limit(filter.size())
                    .map(d -> d.getString("_id")).toList();

            store.findFiltersSince(SubmissionProjection.COLLECTION);
            store.commandsSince();
            StatusBoard.Page page = board().query(filter, caller);
            List<String> commands = store.commandsSince();

            assertThat(expected).as("the filter selects a page's worth").isNotEmpty();
            assertThat(page.items()).extracting(BoardRow::id).as(caller.name() + " " + filter)
                    .containsExactlyElementsOf(expected);
            assertThat(page.total()).isEqualTo(all.size());
            if (caller == OFFICIAL && filter.bureau() != null) {
                continue; // another bureau's items as an official sees them: no summary counts those, the store is asked
            }
            assertThat(commands).as("what matches and how many items there are: both summaries in one read")
                    .containsOnlyOnce("find " + DashboardSummary.COLLECTION);
            // a consultation's bureau walks the bureau's own list and reads its items by _id (BoardByBureauTest)
            assertThat(store.findFiltersSince(SubmissionProjection.COLLECTION)).as("only lookups of keys").isNotEmpty().allSatisfy(f -> {
                assertThat(f.keySet()).hasSize(1);
                assertThat(f.getFirstKey()).isIn(ArrivalOrder.ALL, ArrivalOrder.IN_GROUP, "_id");
                assertThat(f.getDocument(f.getFirstKey()).keySet()).containsExactly("$in");
            });
        }
    }

    @Test
    void theTestInMemoryAgreesWithTheStoresFilter() {
        Random random = new Random(7);
        List<Document> items = views.collection(SubmissionProjection.COLLECTION).find().into(new ArrayList<>());
        for (int round = 0; round < 60; round++) {
            BoardFilter filter = new BoardFilter(pick(random, "c0", "c1", "c2"),
                    pick(random, "RECEIVED", "ASSIGNED", "DECIDED", "WITHDRAWN"), pick(random, BUREAUS.toArray(String[]::new)),
                    pick(random, "（1）", "（2.1）", "（3）"), pick(random, OUTCOMES.toArray(String[]::new)),
                    random.nextInt(3) == 0 ? null : random.nextBoolean(), pick(random, "o", "陈", "x"), null, 0, 20, null);
            for (Caller caller : List.of(SUPERVISOR, OFFICIAL, NOBODY)) {
                BoardCriteria criteria = new BoardCriteria(filter, caller, NOW);
                Set<String> selected = new HashSet<>();
                views.collection(SubmissionProjection.COLLECTION).find(criteria.filter()).forEach(d -> selected.add(d.getString("_id")));
                for (Document item : items) {
                    assertThat(criteria.matches(item)).as(filter + " " + caller.name() + " " + item.getString("_id"))
                            .isEqualTo(selected.contains(item.getString("_id")));
                }
            }
        }
    }

    @Test
    void whenTheNumbersDoNotCoverEveryItemTheBoardAsksTheStoresQueryInTheSameOrder() {
        Document counters = views.collection(ArrivalOrder.COUNTERS).findOneAndDelete(new Document("_id", SubmissionProjection.COLLECTION));
        try {
            BoardFilter firstPage = filter("c1", null, null, null, null, null, 0);
            store.findFiltersSince(SubmissionProjection.COLLECTION);
            StatusBoard.Page page = board().query(firstPage, SUPERVISOR);
            List<String> expected = views.collection(SubmissionProjection.COLLECTION).find(new Document("consultationId", "c1"))
                    .sort(new Document(ArrivalOrder.ALL, 1).append("receivedAt", 1).append("_id", 1)).limit(20)
                    .map(d -> d.getString("_id")).into(new ArrayList<>());
            assertThat(page.items()).extracting(BoardRow::id).containsExactlyElementsOf(expected);
            assertThat(store.findFiltersSince(SubmissionProjection.COLLECTION)).noneSatisfy(f -> assertThat(f.keySet()).containsAnyOf(ArrivalOrder.ALL, ArrivalOrder.IN_GROUP));
        } finally {
            views.collection(ArrivalOrder.COUNTERS).insertOne(counters);
        }
    }

    private static StatusBoard board() {
        return new StatusBoard(views, new Summaries(views), new Timelines(views, new Consultations(views, new Summaries(views))), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String pick(Random random, String... values) {
        return random.nextInt(values.length + 1) == 0 ? null : values[random.nextInt(values.length)];
    }

    private static BoardFilter filter(String consultation, String state, String bureau, String clause, String outcome,
                                      Boolean overdue, int page) {
        return new BoardFilter(consultation, state, bureau, clause, outcome, overdue, null, null, page, 20, null);
    }

}
