package io.consultdesk.command.consultation;

import io.consultdesk.command.SeedFiles;
import io.consultdesk.command.consultation.ConsultationCommands.AmendClauseCatalogue;
import io.consultdesk.command.consultation.ConsultationCommands.CloseConsultation;
import io.consultdesk.command.consultation.ConsultationCommands.CompleteTablePublication;
import io.consultdesk.command.consultation.ConsultationCommands.OpenConsultation;
import io.consultdesk.command.consultation.ConsultationCommands.RecordTablePublicationProgress;
import io.consultdesk.command.consultation.ConsultationCommands.SetOutcomeVocabulary;
import io.consultdesk.command.consultation.ConsultationCommands.StartTablePublication;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.security.Roles;
import io.consultdesk.command.publishedlanguage.PublishedJson;
import io.consultdesk.command.routing.Clause;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsultationTest {

    static final Instant T0 = Instant.parse("2024-08-14T00:00:00Z");
    static final Actor ADMIN = new Actor("admin", "", Set.of(Roles.ADMIN));
    static final Actor CLERK = new Actor("clerk", "", Set.of(Roles.CLERK));
    static final Actor SUPERVISOR = new Actor("supervisor", "", Set.of(Roles.SUPERVISOR));
    static final List<Clause> CLAUSES = List.of(new Clause("（一）", "一、加速模型研发迭代", "支持企业研发行业大模型", List.of("市工业和信息化局")));

    private AggregateTestFixture<Consultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consultation.class);
    }

    private static ConsultationOpened opened() {
        return new ConsultationOpened("c", "若干措施", "市工业和信息化局", LocalDate.parse("2024-09-16"), CLAUSES,
                Consultation.DEFAULT_OUTCOMES, 15, T0, "Asia/Shanghai");
    }

    @Test
    void anAdministratorOpensAConsultationWithTheDefaultOutcomes() {
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation("c", "若干措施", "市工业和信息化局", LocalDate.parse("2024-09-16"), CLAUSES, null, 0, null, T0, ADMIN))
                .expectEvents(opened());
    }

    @Test
    void aConsultationMayUseItsOwnOutcomeVocabulary() {
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation("c", "若干措施", "起草处", null, List.of(), List.of("已采纳", "未采纳", "予以说明"), 10, null, T0, ADMIN))
                .expectEvents(new ConsultationOpened("c", "若干措施", "起草处", null, List.of(),
                        List.of("已采纳", "未采纳", "予以说明"), 10, T0, "Asia/Shanghai"),
                        new OutcomeVocabularyAmended("c", List.of(new OutcomeWord("已采纳", OutcomeClass.ACCEPTED),
                                new OutcomeWord("未采纳", OutcomeClass.NOT_ACCEPTED), new OutcomeWord("予以说明", OutcomeClass.EXPLAINED)),
                                null, T0));
    }

    @Test
    void aSupervisorSetsTheVocabularyWithClassesAndSettingItAgainRecordsNothing() {
        List<OutcomeWord> yesNo = List.of(new OutcomeWord("是", OutcomeClass.ACCEPTED), new OutcomeWord("否", OutcomeClass.NOT_ACCEPTED),
                new OutcomeWord("已办理", OutcomeClass.ACCEPTED));
        fixture.given(opened())
                .when(new SetOutcomeVocabulary("c", yesNo, T0, SUPERVISOR))
                .expectEvents(new OutcomeVocabularyAmended("c", yesNo, null, T0));
        fixture.given(opened(), new OutcomeVocabularyAmended("c", yesNo, null, T0))
                .when(new SetOutcomeVocabulary("c", yesNo, T0, SUPERVISOR))
                .expectNoEvents();
        fixture.given(opened())
                .when(new SetOutcomeVocabulary("c", yesNo, T0, CLERK))
                .expectException(NotAllowed.class);
    }

    @Test
    void aMaskingPolicyThatPublishesOrganisationsIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation("c", "若干措施", "起草处", null, List.of(), null, 0, null, T0, ADMIN, false))
                .expectEvents(new ConsultationOpened("c", "若干措施", "起草处", null, List.of(), Consultation.DEFAULT_OUTCOMES, 15, T0,
                        "Asia/Shanghai", false));
    }

    @Test
    void aSupervisorOpensAConsultationAndLoadsItsCatalogueInTheirTimeZone() {
        Actor supervisor = new Actor("supervisor", "", Set.of(Roles.SUPERVISOR));
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation("c", "若干措施", "起草处", null, List.of(), null, 0, "Europe/Berlin", T0, supervisor))
                .expectEvents(new ConsultationOpened("c", "若干措施", "起草处", null, List.of(), Consultation.DEFAULT_OUTCOMES, 15, T0,
                        "Europe/Berlin"));
        fixture.given(opened())
                .when(new AmendClauseCatalogue("c", CLAUSES, T0, supervisor))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aConsultationOpenedBeforeTimeZonesWereRecordedReadsAsChinaStandardTime() throws Exception {
        // the payload as the event store holds events of earlier releases: no timeZone
        ConsultationOpened stored = PublishedJson.mapper().readValue("""
                {"consultationId":"c","title":"若干措施","draftingUnit":"起草处","deadline":"2024-09-16","clauses":[],
                 "outcomes":["采纳"],"handlingWorkingDays":15,"openedAt":"2024-09-02T01:30:00Z"}""", ConsultationOpened.class);
        assertThat(stored.timeZone()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void openingNeedsATitleADraftingUnitAndASupervisor() {
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation("c", " ", "起草处", null, List.of(), null, 0, null, T0, ADMIN))
                .expectException(ConsultationRefused.class);
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation("c", "若干措施", "", null, List.of(), null, 0, null, T0, ADMIN))
                .expectException(ConsultationRefused.class);
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation("c", "若干措施", "起草处", null, List.of(), null, 0, null, T0, CLERK))
                .expectException(NotAllowed.class);
    }

    @Test
    void amendingTheCatalogueMakesANewVersion() {
        List<Clause> amended = List.of(new Clause("（二）", "", "", List.of("市科技创新局")));
        fixture.given(opened())
                .when(new AmendClauseCatalogue("c", amended, T0, ADMIN))
                .expectEvents(new ClauseCatalogueAmended("c", 2, amended, T0));
        fixture.given(opened(), new ClauseCatalogueAmended("c", 2, amended, T0))
                .when(new AmendClauseCatalogue("c", CLAUSES, T0, ADMIN))
                .expectEvents(new ClauseCatalogueAmended("c", 3, CLAUSES, T0));
    }

    @Test
    void closingTwiceIsRefused() {
        fixture.given(opened())
                .when(new CloseConsultation("c", T0, ADMIN))
                .expectEvents(new ConsultationClosed("c", T0));
        fixture.given(opened(), new ConsultationClosed("c", T0))
                .when(new CloseConsultation("c", T0, ADMIN))
                .expectException(ConsultationRefused.class);
    }

    @Test
    void theCatalogueTsvOfTheSeedReads() {
        List<Clause> clauses = ClauseCatalogueTsv.parse(SeedFiles.read("clauses.tsv"));
        assertThat(clauses).hasSize(18);
        assertThat(clauses.get(2).responsibleUnits()).containsExactly("市发展改革委", "市工业和信息化局", "市规划和自然资源局", "深圳市供电局");
        assertThat(clauses.get(1).responsibleUnits()).isEmpty();
        assertThat(clauses).as("the seed's catalogue carries no clause text").allMatch(c -> c.text().isEmpty());
    }

    @Test
    void aCatalogueMayCarryEachClausesTextAndOneStoredWithoutItReadsAsNone() throws Exception {
        List<Clause> clauses = ClauseCatalogueTsv.parse("clause\ttitle\ttext\tresponsible_units\n"
                + "（一）\t支持企业研发行业大模型\t 对企业研发行业大模型给予支持。 \t市工业和信息化局\n（二）\t\t\t\n");
        assertThat(clauses.get(0).text()).isEqualTo("对企业研发行业大模型给予支持。");
        assertThat(clauses.get(1).text()).isEmpty();
        ConsultationOpened stored = PublishedJson.mapper().readValue("""
                {"consultationId":"c","title":"若干措施","draftingUnit":"起草处","deadline":"2024-09-16",
                 "clauses":[{"number":"（一）","chapter":"","title":"","responsibleUnits":["甲"]}],
                 "outcomes":["采纳"],"handlingWorkingDays":15,"openedAt":"2024-09-02T01:30:00Z"}""", ConsultationOpened.class);
        assertThat(stored.clauses().get(0).text()).isEmpty();
    }

    @Test
    void aCatalogueFileIsHeldToTheLimitsOfOneSentAsJsonNamingTheLine() {
        String header = "clause\tchapter\ttitle\tresponsible_units\n";
        assertThatThrownBy(() -> ClauseCatalogueTsv.parse(header + "（一）\t\t\t甲\n（二）\t" + "章".repeat(FieldLimits.HEADING + 1) + "\t\t乙\n"))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field() + ": " + e.getMessage()).isEqualTo("line 3: the chapter is longer than 200 characters"));
        assertThatThrownBy(() -> ClauseCatalogueTsv.parse(header + "（一）\t\t\t" + IntStream.range(0, 51).mapToObj(i -> "局" + i)
                .collect(Collectors.joining("、")) + "\n"))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field() + ": " + e.getMessage()).isEqualTo("line 2: a clause names at most 50 responsible units"));
        assertThatThrownBy(() -> ClauseCatalogueTsv.parse(header + IntStream.rangeClosed(1, FieldLimits.CLAUSES + 1)
                .mapToObj(i -> i + "\t\t\t甲\n").collect(Collectors.joining())))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field() + ": " + e.getMessage()).isEqualTo("body: a catalogue has at most 2000 clauses, this one has 2001"));
        assertThat(ClauseCatalogueTsv.parse(header + "（一）\t" + "章".repeat(FieldLimits.HEADING) + "\t\t甲\n")).hasSize(1);
    }

    private static TablePublicationStarted started(int version) {
        return new TablePublicationStarted("c", version, "社会公众意见采纳情况表", 3, "supervisor", T0);
    }

    @Test
    void aPublicationStartsAsAFactAndASecondOneIsRefusedUntilItCompletes() {
        fixture.given(opened())
                .when(new StartTablePublication("c", 1, "社会公众意见采纳情况表", 3, T0, SUPERVISOR))
                .expectEvents(started(1));
        fixture.given(opened(), started(1))
                .when(new StartTablePublication("c", 1, "社会公众意见采纳情况表", 3, T0, SUPERVISOR))
                .expectException(ConsultationRefused.class)
                .expectExceptionMessage(containsString("version 1 of the table of consultation c is being published"));
        fixture.given(opened(), started(1), new TablePublicationProgressed("c", 1, 2, T0),
                        new TablePublished("c", 1, "社会公众意见采纳情况表", 3, Map.of("采纳", 3), 0, List.of(), T0, Map.of("采纳", OutcomeClass.ACCEPTED)))
                .when(new StartTablePublication("c", 2, "社会公众意见采纳情况表", 3, T0, SUPERVISOR))
                .expectEvents(started(2));
    }

    @Test
    void aVersionStartsOnlyAfterThePublishedOneAndOnlyBySupervisors() {
        fixture.given(opened())
                .when(new StartTablePublication("c", 2, "社会公众意见采纳情况表", 3, T0, SUPERVISOR))
                .expectException(ConsultationRefused.class);
        fixture.given(opened())
                .when(new StartTablePublication("c", 1, "社会公众意见采纳情况表", 3, T0, ADMIN))
                .expectException(NotAllowed.class);
    }

    @Test
    void completingRecordsTheVersionUnderItsHeadingAndCompletingItAgainAnswersItWithoutANewFact() {
        TablePublished published = new TablePublished("c", 1, "社会公众意见采纳情况表", 3, Map.of("采纳", 3), 1, List.of("s9"), T0,
                Map.of("采纳", OutcomeClass.ACCEPTED));
        CompleteTablePublication complete = new CompleteTablePublication("c", 1, 3, Map.of("采纳", 3), Map.of("采纳", OutcomeClass.ACCEPTED),
                List.of("s9"), T0, SUPERVISOR);
        fixture.given(opened(), started(1)).when(complete).expectEvents(published).expectResultMessagePayload(published);
        fixture.given(opened(), started(1), published).when(complete).expectNoEvents().expectResultMessagePayload(published);
        fixture.given(opened()).when(complete).expectException(ConsultationRefused.class);
    }

    @Test
    void aVersionLeavingOutTensOfThousandsOfItemsCountsThemAllAndNamesTheFirstThousand() {
        List<String> leftOut = IntStream.range(0, 50_000).mapToObj(i -> "item-" + i).toList();
        CompleteTablePublication complete = new CompleteTablePublication("c", 1, 3, Map.of("采纳", 3), Map.of("采纳", OutcomeClass.ACCEPTED),
                leftOut, T0, SUPERVISOR);
        fixture.given(opened(), started(1)).when(complete)
                .expectEvents(new TablePublished("c", 1, "社会公众意见采纳情况表", 3, Map.of("采纳", 3), 50_000, leftOut.subList(0, 1_000), T0,
                        Map.of("采纳", OutcomeClass.ACCEPTED)));
    }

    @Test
    void progressIsRecordedOnlyForTheVersionBeingPublishedAndOnlyForward() {
        fixture.given(opened(), started(1))
                .when(new RecordTablePublicationProgress("c", 1, 2, T0, SUPERVISOR))
                .expectEvents(new TablePublicationProgressed("c", 1, 2, T0));
        fixture.given(opened(), started(1), new TablePublicationProgressed("c", 1, 2, T0))
                .when(new RecordTablePublicationProgress("c", 1, 2, T0, SUPERVISOR))
                .expectNoEvents();
        fixture.given(opened())
                .when(new RecordTablePublicationProgress("c", 1, 2, T0, SUPERVISOR))
                .expectException(ConsultationRefused.class);
    }
}
