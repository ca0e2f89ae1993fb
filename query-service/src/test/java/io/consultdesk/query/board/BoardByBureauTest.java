package io.consultdesk.query.board;

import io.consultdesk.query.ViewsFixture;
import io.consultdesk.query.audit.Timelines;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.dashboard.Summaries;
import io.consultdesk.query.feed.ArrivalOrder;
import io.consultdesk.query.feed.BureauArrivals;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.submission.SubmissionProjection;
import io.consultdesk.security.Caller;
import io.consultdesk.security.Roles;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau that leads a handful of a consultation's thousands of items gets its board page from its own list,
 * by key: the items it has now, in the order they reached it — one moved away is gone, one moved in is there,
 * one that came back is there once — and the store is asked nothing but lookups of keys.
 */
class BoardByBureauTest {

    private static final Instant NOW = Instant.parse("2024-09-20T00:00:00Z");
    private static final Caller SUPERVISOR = new Caller("s", "", Set.of(Roles.SUPERVISOR));
    private static final String RARE = "市稀见局";
    private static final String COMMON = "市工业和信息化局";

    private ViewsFixture store;
    private LiveViews views;

    @BeforeEach
    void start() {
        store = new ViewsFixture();
        views = store.freshViews();
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String item = "item-" + i;
            events.add(received(item));
            // one in six hundred to the rare bureau: r-0 … r-4
            events.add(assigned(item, i % 600 == 7 ? RARE : COMMON));
        }
        apply(events);
        apply(List.of(
                reassigned("item-607", 2, COMMON),   // leaves the rare bureau
                reassigned("item-20", 2, RARE),      // joins it late
                reassigned("item-1207", 2, COMMON),  // leaves …
                reassigned("item-1207", 3, RARE)));  // … and comes back
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void aRareBureausPageIsItsOwnListReadByKey() {
        assertThat(BureauArrivals.listed(views, "c9", RARE)).as("7, 607, 1207, 1807, 2407, then 20 (1207 left and came back in one batch: its entry stands)")
                .hasValue(6);
        store.findFiltersSince(SubmissionProjection.COLLECTION);
        StatusBoard.Page page = board().query(filter(RARE, 0), SUPERVISOR);
        List<BsonDocument> itemReads = store.findFiltersSince(SubmissionProjection.COLLECTION);

        assertThat(page.items()).extracting(BoardRow::id).containsExactly("item-7", "item-1207", "item-1807", "item-2407", "item-20");
        assertThat(page.total()).isEqualTo(5);
        assertThat(itemReads).as("the items read by _id only").isNotEmpty().allSatisfy(f -> {
            assertThat(f.keySet()).containsExactly("_id");
            assertThat(f.getDocument("_id").keySet()).containsExactly("$in");
        });
        assertThat(itemReads.stream().mapToInt(f -> f.getDocument("_id").getArray("$in").size()).sum())
                .as("the rare bureau's entries, not the consultation's 3,000 items").isLessThan(10);
    }

    @Test
    void aCommonBureausPagesFollowItsListToo() {
        StatusBoard.Page second = board().query(filter(COMMON, 1), SUPERVISOR);
        assertThat(second.total()).isEqualTo(2_995);
        assertThat(second.items()).hasSize(20);
        assertThat(second.items()).extracting(BoardRow::leadBureau).containsOnly(COMMON);
    }

    @Test
    void aGenerationCarriedOnFromBeforeTheListsAsksTheStoresQuery() {
        views.collection(ArrivalOrder.COUNTERS).deleteOne(new Document("_id", "bureau_arrivals#complete"));
        assertThat(BureauArrivals.listed(views, "c9", RARE)).as("no complete lists: none to walk").isEmpty();
        StatusBoard.Page page = board().query(filter(RARE, 0), SUPERVISOR);
        assertThat(page.items()).extracting(BoardRow::id).containsExactlyInAnyOrder("item-7", "item-1207", "item-1807", "item-2407", "item-20");
    }

    private void apply(List<EventEnvelope> events) {
        for (int from = 0; from < events.size(); from += 500) {
            store.apply(views, events.subList(from, Math.min(events.size(), from + 500)));
        }
    }

    private StatusBoard board() {
        return new StatusBoard(views, new Summaries(views), new Timelines(views, new Consultations(views, new Summaries(views))),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static BoardFilter filter(String bureau, int page) {
        return new BoardFilter("c9", null, bureau, null, null, null, null, null, page, 20, null);
    }

    private static EventEnvelope received(String item) {
        return ViewsFixture.event("Submission", item, 0, "SubmissionReceived", "2024-09-02T01:00:00Z", "corr", """
                {"submissionId":"%s","consultationId":"c9","submitterKind":"PERSON","submitterPublicName":"陈*天",
                 "opinion":"o","channel":"WEB","receivedAt":"2024-09-02T01:00:00Z","citedClauses":[],"citedChapters":[]}"""
                .formatted(item));
    }

    private static EventEnvelope assigned(String item, String lead) {
        return ViewsFixture.event("Submission", item, 1, "SubmissionAssigned", "2024-09-02T01:00:00Z", "corr", """
                {"submissionId":"%s","leadBureau":"%s","coBureaus":[],"basis":[],"triage":false,"catalogueVersion":1,
                 "assignedAt":"2024-09-02T01:00:00Z","handlingWorkingDays":15,"dueAt":"2024-09-23T15:59:59Z"}"""
                .formatted(item, lead));
    }

    private static EventEnvelope reassigned(String item, long sequence, String lead) {
        return ViewsFixture.event("Submission", item, sequence, "SubmissionReassigned", "2024-09-03T01:00:00Z", "corr", """
                {"submissionId":"%s","leadBureau":"%s","coBureaus":[],"reason":"r","reassignedAt":"2024-09-03T01:00:00Z",
                 "dueAt":"2024-09-24T15:59:59Z","awaitedOpinions":[]}""".formatted(item, lead));
    }
}
