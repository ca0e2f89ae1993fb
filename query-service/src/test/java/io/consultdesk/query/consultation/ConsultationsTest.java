package io.consultdesk.query.consultation;

import io.consultdesk.query.ViewsFixture;
import io.consultdesk.query.audit.TimelineEntry;
import io.consultdesk.query.audit.Timelines;
import io.consultdesk.query.board.BoardFilter;
import io.consultdesk.query.board.BoardRow;
import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.query.dashboard.Dashboard;
import io.consultdesk.query.dashboard.DashboardView;
import io.consultdesk.query.dashboard.FeedLag;
import io.consultdesk.query.dashboard.Summaries;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.HeldEventsAlert;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.security.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.consultdesk.query.ViewsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consultations as their list and pages show them, counted from the summaries (never the items); item rows
 * and the dashboard telling imported decisions apart; the board as of a past instant.
 */
class ConsultationsTest {

    private static final Instant NOW = Instant.parse("2024-09-20T00:00:00Z");
    private static final Caller SUPERVISOR = new Caller("s", "", Set.of("SUPERVISOR"));
    private static final Caller OFFICIAL_A = new Caller("o", "甲局", Set.of("OFFICIAL"));
    private static ViewsFixture fixture;

    private LiveViews views;
    private Consultations consultations;
    private StatusBoard board;

    @BeforeAll
    static void start() {
        fixture = new ViewsFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void story() {
        views = fixture.freshViews();
        fixture.apply(views, List.of(
                // clauses listed out of order, chapters named only where each begins; no time zone recorded (an older event)
                event("Consultation", "c1", 0, "ConsultationOpened", "2024-09-02T01:30:00Z", "k1", """
                        {"consultationId":"c1","title":"若干措施（征求意见稿）","draftingUnit":"市工业和信息化局","deadline":"2024-09-16",
                         "clauses":[{"number":"（十一）","chapter":"三、推动产业集聚","title":"支持自研","responsibleUnits":["甲局","乙局"]},
                                    {"number":"（三）","chapter":"二、强化算力","title":"","responsibleUnits":[]},
                                    {"number":"（一）","chapter":"一、加速研发","title":"支持大模型","responsibleUnits":["甲局"]},
                                    {"number":"（十二）","chapter":"","title":"","responsibleUnits":[]},
                                    {"number":"（二）","chapter":"","title":"","responsibleUnits":[]}],
                         "outcomes":["采纳","部分采纳","不采纳"],"handlingWorkingDays":15,"openedAt":"2024-09-02T01:30:00Z"}"""),
                event("Consultation", "c1", 1, "TablePublished", "2024-09-10T01:30:00Z", "k2", """
                        {"consultationId":"c1","version":1,"heading":"表","rowCount":1,"totals":{},"leftOut":[],"publishedAt":"2024-09-10T01:30:00Z"}"""),
                event("Consultation", "c2", 0, "ConsultationOpened", "2024-09-05T01:30:00Z", "k3", """
                        {"consultationId":"c2","title":"另一稿","draftingUnit":"乙局","deadline":"2024-10-01","timeZone":"Europe/Berlin",
                         "clauses":[],"outcomes":["采纳"],"handlingWorkingDays":10,"openedAt":"2024-09-05T01:30:00Z"}"""),
                // an import meets 是 and 已反馈 in its table: the vocabulary grows, each word with its class
                event("Consultation", "c2", 1, "OutcomeVocabularyAmended", "2024-09-06T01:30:00Z", "k4", """
                        {"consultationId":"c2","outcomes":[{"word":"采纳","outcomeClass":"ACCEPTED"},{"word":"是","outcomeClass":"ACCEPTED"},
                         {"word":"已反馈","outcomeClass":"EXPLAINED"}],"adoptedFrom":"t.docx","amendedAt":"2024-09-06T01:30:00Z"}"""),
                // i1 comes in on the web and is decided by its bureau a day later
                received("i1", "a", "（十一）", "（一）"), assigned("i1", "a", "甲局", "2024-09-02T02:00:00Z"),
                event("Submission", "i1", 2, "SubmissionDecided", "2024-09-03T05:00:00Z", "b", """
                        {"submissionId":"i1","outcome":"采纳","reason":"。","decidedByBureau":"甲局","decidedAt":"2024-09-03T05:00:00Z"}"""),
                // i2 comes in with its decision, in one unit of work: an imported table
                received("i2", "imp", "（三）"), assigned("i2", "imp", "甲局", "2024-09-02T02:00:00Z"),
                event("Submission", "i2", 2, "SubmissionDecided", "2024-09-02T02:00:00Z", "imp", """
                        {"submissionId":"i2","outcome":"不采纳","reason":"。","decidedByBureau":"甲局","decidedAt":"2024-09-02T02:00:00Z"}"""),
                // i3 goes to 乙局, and on the 10th is reassigned to 丙局
                received("i3", "c", "（一）"), assigned("i3", "c", "乙局", "2024-09-02T02:00:00Z"),
                event("Submission", "i3", 2, "SubmissionReassigned", "2024-09-10T00:00:00Z", "d", """
                        {"submissionId":"i3","leadBureau":"丙局","coBureaus":[],"reason":"r","reassignedAt":"2024-09-10T00:00:00Z",
                         "dueAt":"2024-10-01T15:59:59Z"}""")));
        Summaries summaries = new Summaries(views);
        consultations = new Consultations(views, summaries);
        board = new StatusBoard(views, summaries, new Timelines(views, consultations), Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.commandsSince();
    }

    private static EventEnvelope received(String id, String correlation, String... clauses) {
        return event("Submission", id, 0, "SubmissionReceived", "2024-09-02T02:00:00Z", correlation, """
                {"submissionId":"%s","consultationId":"c1","submitterKind":"PERSON","submitterPublicName":"陈*天","opinion":"意见 %s",
                 "channel":"WEB","receivedAt":"2024-09-02T02:00:00Z","citedClauses":["%s"],"citedChapters":[]}"""
                .formatted(id, id, String.join("\",\"", clauses)));
    }

    private static EventEnvelope assigned(String id, String correlation, String bureau, String at) {
        return event("Submission", id, 1, "SubmissionAssigned", at, correlation, """
                {"submissionId":"%s","leadBureau":"%s","coBureaus":[],"basis":[],"triage":false,"catalogueVersion":1,
                 "assignedAt":"%s","handlingWorkingDays":15,"dueAt":"2024-09-23T15:59:59Z"}""".formatted(id, bureau, at));
    }

    @Test
    void theListCountsEachConsultationFromItsSummaryAndNeverReadsTheItems() {
        List<ConsultationOverview> list = consultations.list(SUPERVISOR);
        assertThat(fixture.commandsSince()).containsExactly("find consultations", "find summaries");
        assertThat(list).extracting(ConsultationOverview::id).as("the latest opened first").containsExactly("c2", "c1");
        ConsultationOverview c1 = list.get(1);
        assertThat(c1.total()).isEqualTo(3);
        assertThat(c1.byState()).isEqualTo(Map.of("DECIDED", 2, "ASSIGNED", 1));
        assertThat(c1.progress().percentHandled()).isEqualTo(67);
        assertThat(c1.publishedVersions()).containsExactly(1);
        assertThat(c1.timeZone()).as("no zone recorded: China Standard Time").isEqualTo("Asia/Shanghai");
        assertThat(c1.period().deadline()).hasToString("2024-09-16");
        assertThat(list.get(0).timeZone()).isEqualTo("Europe/Berlin");
        assertThat(list.get(0).total()).isZero();
        assertThat(consultations.list(OFFICIAL_A).get(1).total()).as("an official counts their bureau's items").isEqualTo(2);
    }

    @Test
    void aVersionBeingPublishedShowsHowFarItCameUntilItIsComplete() {
        fixture.apply(views, List.of(
                event("Consultation", "c1", 2, "TablePublicationStarted", "2024-09-20T01:30:00Z", "k5", """
                        {"consultationId":"c1","version":2,"heading":"表","expectedRows":3000,"startedBy":"s",
                         "startedAt":"2024-09-20T01:30:00Z"}"""),
                event("Consultation", "c1", 3, "TablePublicationProgressed", "2024-09-20T01:31:00Z", "k5", """
                        {"consultationId":"c1","version":2,"rowsPublished":1000,"recordedAt":"2024-09-20T01:31:00Z"}""")));
        ConsultationOverview publishing = consultations.find("c1", SUPERVISOR).orElseThrow().overview();
        assertThat(publishing.publishing()).isEqualTo(new ConsultationOverview.Publishing(2, 1000, 3000,
                Instant.parse("2024-09-20T01:30:00Z")));
        assertThat(publishing.publishedVersions()).as("not public before it is complete").containsExactly(1);

        fixture.apply(views, List.of(event("Consultation", "c1", 4, "TablePublished", "2024-09-20T01:32:00Z", "k5", """
                {"consultationId":"c1","version":2,"heading":"表","rowCount":3000,"totals":{},"leftOut":[],"publishedAt":"2024-09-20T01:30:00Z"}""")));
        ConsultationOverview published = consultations.find("c1", SUPERVISOR).orElseThrow().overview();
        assertThat(published.publishing()).isNull();
        assertThat(published.publishedVersions()).containsExactly(1, 2);
    }

    @Test
    void aConsultationsCatalogueIsInDocumentOrderByChapterWithItsItems() {
        ConsultationDetail c1 = consultations.find("c1", SUPERVISOR).orElseThrow();
        assertThat(fixture.commandsSince()).containsExactly("find consultations", "find summaries");
        assertThat(c1.chapters()).extracting(ConsultationDetail.Chapter::name)
                .containsExactly("一、加速研发", "二、强化算力", "三、推动产业集聚");
        assertThat(c1.chapters()).flatExtracting(ConsultationDetail.Chapter::clauses)
                .extracting(ConsultationDetail.CatalogueClause::number)
                .as("（二） has no chapter of its own: it follows （一）").containsExactly("（一）", "（二）", "（三）", "（十一）", "（十二）");
        ConsultationDetail.CatalogueClause first = c1.chapters().get(0).clauses().get(0);
        assertThat(first.items()).isEqualTo(2);
        assertThat(first.outcomes()).isEqualTo(Map.of("采纳", 1));
        assertThat(c1.chapters().get(2).clauses().get(0).responsibleUnits()).containsExactly("甲局", "乙局");
        assertThat(consultations.find("nope", SUPERVISOR)).isEmpty();
        assertThat(c1.outcomeClasses()).as("opened before classes: the default words'")
                .containsExactly(Map.entry("采纳", "ACCEPTED"), Map.entry("部分采纳", "PARTLY"), Map.entry("不采纳", "NOT_ACCEPTED"));
        ConsultationDetail c2 = consultations.find("c2", SUPERVISOR).orElseThrow();
        assertThat(c2.outcomes()).containsExactly("采纳", "是", "已反馈");
        assertThat(c2.outcomeClasses()).containsExactly(Map.entry("采纳", "ACCEPTED"), Map.entry("是", "ACCEPTED"),
                Map.entry("已反馈", "EXPLAINED"));
    }

    @Test
    void anImportedDecisionHasNoDueDateAndIsNotTimed() {
        BoardRow imported = board.item("i2", SUPERVISOR).orElseThrow();
        assertThat(imported.decisionImported()).isTrue();
        assertThat(imported.dueAt()).isNull();
        BoardRow decided = board.item("i1", SUPERVISOR).orElseThrow();
        assertThat(decided.decisionImported()).isNull();
        assertThat(decided.dueAt()).isNotNull();
        assertThat(decided.citedClauses()).as("document order").containsExactly("（一）", "（十一）");

        FeedLag lag = Mockito.mock(FeedLag.class);
        HeldEventsAlert held = Mockito.mock(HeldEventsAlert.class);
        DashboardView d = new Dashboard(new Summaries(views), Clock.fixed(NOW, ZoneOffset.UTC), lag, held).compute("c1", SUPERVISOR);
        DashboardView.HoursToDecision hours = d.bureaus().get("甲局").hoursToDecision();
        assertThat(hours.decided()).as("i1 only").isEqualTo(1);
        assertThat(hours.median()).as("02:00 on the 2nd to 05:00 on the 3rd").isEqualTo(27L);
        assertThat(hours.imported()).isEqualTo(1);
        assertThat(d.clauses().keySet()).containsExactly("（一）", "（三）", "（十一）");
    }

    @Test
    void theBoardAsOfAPastInstantFoldsEachItemsHistoryBureausIncluded() {
        Instant before = Instant.parse("2024-09-05T00:00:00Z");
        StatusBoard.Page then = board.query(filter(null, "乙局", before, 0, 10), SUPERVISOR);
        assertThat(then.items()).extracting(BoardRow::id).as("still with 乙局 then").containsExactly("i3");
        assertThat(then.items().get(0).leadBureau()).isEqualTo("乙局");
        assertThat(board.query(filter(null, "乙局", null, 0, 10), SUPERVISOR).total()).as("not now").isZero();

        StatusBoard.Page cited = board.query(filter("（一）", null, before, 0, 10), SUPERVISOR);
        assertThat(cited.items()).extracting(BoardRow::id).containsExactly("i1", "i3");
        assertThat(cited.items().get(0).state()).as("i1 was decided on the 3rd").isEqualTo("DECIDED");

        StatusBoard.Page second = board.query(filter(null, null, before, 1, 2), SUPERVISOR);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).extracting(BoardRow::id).containsExactly("i3");
        assertThat(board.query(filter(null, null, Instant.parse("2024-09-01T00:00:00Z"), 0, 10), SUPERVISOR).total())
                .as("nothing received yet").isZero();
    }

    @Test
    void anItemsTimelineSaysItsTimesInTheConsultationsZoneAndItsClausesInOrder() {
        List<TimelineEntry> timeline = new Timelines(views, consultations).of("i1");
        assertThat(timeline).extracting(TimelineEntry::type).containsExactly("SubmissionReceived", "SubmissionAssigned", "SubmissionDecided");
        assertThat(timeline.get(0).summary()).contains("引用条款 （一）、（十一）");
        assertThat(timeline.get(1).summary()).as("15:59:59 UTC in Asia/Shanghai").endsWith("办理时限 2024-09-23 23:59");
    }

    private static BoardFilter filter(String clause, String bureau, Instant asOf, int page, int size) {
        return new BoardFilter("c1", null, bureau, clause, null, null, null, null, page, size, asOf);
    }
}
