package io.consultdesk.command.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationClosed;
import io.consultdesk.command.consultation.ConsultationOpened;
import io.consultdesk.command.consultation.ConsultationRefused;
import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.OutcomeWord;
import io.consultdesk.command.consultation.OutcomeVocabularyAmended;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.security.Roles;
import io.consultdesk.command.personaldata.PersonalDataVault;
import io.consultdesk.command.publishedlanguage.PublishedJson;
import io.consultdesk.command.routing.Clause;
import io.consultdesk.command.routing.Routing.RoutingBasis;
import io.consultdesk.command.submission.Commands.DecideSubmission;
import io.consultdesk.command.submission.Commands.MarkDuplicate;
import io.consultdesk.command.submission.Commands.PublishSubmission;
import io.consultdesk.command.submission.Commands.ReassignSubmission;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import io.consultdesk.command.submission.Commands.RejectSubmission;
import io.consultdesk.command.submission.Commands.WithdrawSubmission;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

/** The submission's lifecycle as given–when–then: every transition, and every refusal. */
class SubmissionTest {

    static final String ID = "s-1";
    static final String CONSULTATION = "ai-2024";
    static final String CLOSED_CONSULTATION = "closed-2023";
    static final String LONDON_CONSULTATION = "in-london";
    static final String GXJ = "市工业和信息化局";
    static final String KCJ = "市科技创新局";
    static final Instant T0 = Instant.parse("2024-09-01T08:00:00Z");
    static final Instant T1 = Instant.parse("2024-09-20T08:00:00Z");

    static final Actor CLERK = new Actor("clerk", "", Set.of(Roles.CLERK));
    static final Actor PUBLIC = new Actor("public", "", Set.of());
    static final Actor GXJ_OFFICIAL = new Actor("official-gxj", GXJ, Set.of(Roles.OFFICIAL));
    static final Actor KCJ_OFFICIAL = new Actor("official-kcj", KCJ, Set.of(Roles.OFFICIAL));
    static final Actor SUPERVISOR = new Actor("supervisor", "", Set.of(Roles.SUPERVISOR));

    private static MongoWireServer mongo;
    private static MongoClient client;
    private static PersonalDataVault vault;

    private AggregateTestFixture<Submission> fixture;
    private EmbeddedEventStore consultationEvents;
    private EventSourcingRepository<Consultation> consultations;

    @BeforeAll
    static void startStore() {
        mongo = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(mongo.connectionString());
        vault = new PersonalDataVault(client.getDatabase("vault_test"), new byte[32],
                new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Submission.class);
        consultationEvents = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        consultationEvents.publish(
                new GenericDomainEventMessage<>("Consultation", CONSULTATION, 0, opened(CONSULTATION)),
                new GenericDomainEventMessage<>("Consultation", CLOSED_CONSULTATION, 0, opened(CLOSED_CONSULTATION)),
                new GenericDomainEventMessage<>("Consultation", CLOSED_CONSULTATION, 1, new ConsultationClosed(CLOSED_CONSULTATION, T0)),
                new GenericDomainEventMessage<>("Consultation", LONDON_CONSULTATION, 0, opened(LONDON_CONSULTATION, "Europe/London")));
        consultations = EventSourcingRepository.builder(Consultation.class)
                .eventStore(consultationEvents).build();
        fixture.registerAnnotatedCommandHandler(new SubmissionIntake(fixture.getRepository(), consultations, vault,
                this::storedInFixture));
    }

    @Test
    void consultationRulesReadWithoutTheLockFollowAClosing() throws Exception {
        CurrentConsultations current = new CurrentConsultations(consultations, this::storedInFixture);
        assertThat(inUnitOfWork(() -> current.rules(CONSULTATION)).closed()).isFalse();
        consultationEvents.publish(new GenericDomainEventMessage<>("Consultation", CONSULTATION, 1,
                new ConsultationClosed(CONSULTATION, T1)));
        assertThat(inUnitOfWork(() -> current.rules(CONSULTATION)).closed()).isTrue();
        assertThatThrownBy(() -> inUnitOfWork(() -> current.rules("no-such-consultation")))
                .isInstanceOf(UnknownConsultation.class);
    }

    private static <T> T inUnitOfWork(Callable<T> work) throws Exception {
        var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(work);
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
        return result.getPayload();
    }

    /** What the event store's index answers in production, asked of the fixture's own store. */
    private boolean storedInFixture(String aggregateId, long sequence) {
        if (consultationEvents.readEvents(aggregateId, sequence).hasNext()) {
            return true;
        }
        try {
            return fixture.getEventStore().readEvents(aggregateId, sequence).hasNext();
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }

    private static ConsultationOpened opened(String id) {
        return opened(id, "Asia/Shanghai");
    }

    private static ConsultationOpened opened(String id, String timeZone) {
        return new ConsultationOpened(id, "深圳市打造人工智能先锋城市的若干措施（征求意见稿）", GXJ, LocalDate.parse("2024-09-16"),
                List.of(new Clause("（三）", "二、强化算力普惠供给", "支持智算中心建设", List.of("市发展改革委", GXJ)),
                        new Clause("（十一）", "", "支持“硬件+AI”示范应用", List.of(GXJ)),
                        new Clause("（十四）", "", "", List.of(KCJ))),
                List.of("采纳", "部分采纳", "不采纳"), 15, T0, timeZone);
    }

    static ReceiveSubmission receive(String opinion, Channel channel, Actor actor) {
        return new ReceiveSubmission(ID, CONSULTATION, new Submitter("陈大天", SubmitterKind.PERSON, "chen@example.org"),
                opinion, channel, T0, null, actor);
    }

    static SubmissionReceived received() {
        return new SubmissionReceived(ID, CONSULTATION, SubmitterKind.PERSON, "陈*天", null, "第（十一）条建议",
                Channel.WEB, T0, null, List.of("（十一）"), List.of());
    }

    /** As stored before assignments recorded their consultation's zone (none: Asia/Shanghai). */
    static SubmissionAssigned assignedTo(String lead) {
        return new SubmissionAssigned(ID, lead, List.of(), List.of(new RoutingBasis("（十一）", List.of(lead))), false, 1, T0, 15,
                new HandlingDeadline(15, HandlingDeadline.DEFAULT_ZONE).after(T0), null);
    }

    /** The row as it appears for {@link #received()} decided by {@link #decided()}. */
    static SubmissionPublished published(int version, int row) {
        return new SubmissionPublished(ID, CONSULTATION, version, row, "陈*天", "第（十一）条建议", "采纳", "采纳，已吸收", T1);
    }

    static SubmissionDecided decided() {
        return new SubmissionDecided(ID, "采纳", "已吸收", GXJ, T1, OutcomeClass.ACCEPTED);
    }

    @Nested
    class Receiving {

        @Test
        void recordsTheCommentWithItsCitationsAndRoutesItInTheSameUnitOfWork() {
            fixture.givenNoPriorActivity()
                    .when(receive("第（三）条原文“支持智算中心建设”建议修改", Channel.WEB, PUBLIC))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(true)
                    .expectEventsMatching(payloadsMatching(
                            exactSequenceOf(
                                    predicate((Object e) ->
                                            e instanceof SubmissionReceived r && r.citedClauses().equals(List.of("（三）"))
                                                    && r.submitterPublicName().equals("陈*天")
                                                    && vault.open(r.sealedSubmitter(), Map.class).orElseThrow().get("contact").equals("chen@example.org")),
                                    predicate((Object e) ->
                                            e instanceof SubmissionAssigned a && a.leadBureau().equals("市发展改革委")
                                                    && a.coBureaus().equals(List.of(GXJ)) && !a.triage()
                                                    && a.basis().equals(List.of(new RoutingBasis("（三）", List.of("市发展改革委", GXJ))))),
                                    andNoMore())));
        }

        @Test
        void itsDueDateIsCountedInItsConsultationsZoneAndTheZoneIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveSubmission(ID, LONDON_CONSULTATION, new Submitter("陈大天", SubmitterKind.PERSON, ""),
                            "第（十一）条建议", Channel.WEB, T0, null, PUBLIC))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate((Object e) -> e instanceof SubmissionReceived),
                            // received Sunday 2024-09-01: 15 working days end on Friday 2024-09-20, 23:59:59 in London (BST)
                            predicate((Object e) -> e instanceof SubmissionAssigned a && a.timeZone().equals("Europe/London")
                                    && a.dueAt().equals(Instant.parse("2024-09-20T22:59:59Z"))),
                            andNoMore())));
        }

        @Test
        void aClauseChosenOnThePublicPageIsRecordedBesideTheExtractedOnesAndLeadsTheRouting() {
            ReceiveSubmission onClause = new ReceiveSubmission(ID, CONSULTATION, new Submitter("陈大天", SubmitterKind.PERSON, ""),
                    "另建议参照第（三）条。", Channel.WEB, T0, null, PUBLIC, "（十四）");
            fixture.givenNoPriorActivity()
                    .when(onClause)
                    .expectEventsMatching(payloadsMatching(
                            exactSequenceOf(
                                    predicate((Object e) -> e instanceof SubmissionReceived r
                                            && r.chosenClauses().equals(List.of("（十四）")) && r.citedClauses().equals(List.of("（三）"))),
                                    predicate((Object e) -> e instanceof SubmissionAssigned a && a.leadBureau().equals(KCJ)
                                            && a.coBureaus().equals(List.of("市发展改革委", GXJ))),
                                    andNoMore())));
        }

        @Test
        void aChosenClauseMustBeOneOfTheDrafts() {
            ReceiveSubmission onClause = new ReceiveSubmission(ID, CONSULTATION, new Submitter("陈大天", SubmitterKind.PERSON, ""),
                    "意见", Channel.WEB, T0, null, PUBLIC, "（九十九）");
            fixture.givenNoPriorActivity()
                    .when(onClause)
                    .expectException(InvalidField.class).expectNoEvents();
        }

        @Test
        void aCommentCitingNothingGoesToTheDraftingUnitForTriage() {
            fixture.givenNoPriorActivity()
                    .when(receive("建议增加机器人券", Channel.WEB, PUBLIC))
                    .expectEventsMatching(payloadsMatching(
                            exactSequenceOf(
                                    predicate((Object e) -> e instanceof SubmissionReceived),
                                    predicate((Object e) ->
                                            e instanceof SubmissionAssigned a && a.leadBureau().equals(GXJ) && a.triage()),
                                    andNoMore())));
        }

        @Test
        void theSameIdReceivedAgainChangesNothing() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(receive("第（十一）条建议", Channel.WEB, PUBLIC))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void theWebChannelIsRefusedOnceTheConsultationIsClosed() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveSubmission(ID, CLOSED_CONSULTATION, new Submitter("王五", SubmitterKind.PERSON, null),
                            "建议", Channel.WEB, T1, null, PUBLIC))
                    .expectException(ConsultationRefused.class)
                    .expectNoEvents();
        }

        @Test
        void aLetterReceivedBeforeClosingMayStillBeRegisteredByAClerk() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveSubmission(ID, CLOSED_CONSULTATION, new Submitter("王五", SubmitterKind.PERSON, null),
                            "建议", Channel.LETTER, T0, new LetterReference("L-7", 2), CLERK))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void onlyAClerkRegistersLettersEmailsAndImports() {
            fixture.givenNoPriorActivity()
                    .when(receive("建议", Channel.LETTER, PUBLIC))
                    .expectException(NotAllowed.class)
                    .expectNoEvents();
        }

        @Test
        void anUnknownConsultationIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveSubmission(ID, "nope", new Submitter("王五", SubmitterKind.PERSON, null),
                            "建议", Channel.WEB, T0, null, PUBLIC))
                    .expectException(UnknownConsultation.class);
        }
    }

    @Nested
    class Reassigning {

        @Test
        void aSupervisorMovesTheItemWithAReason() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new ReassignSubmission(ID, KCJ, List.of(GXJ, KCJ), "属科技创新范畴", null, T1, SUPERVISOR))
                    .expectEvents(new SubmissionReassigned(ID, KCJ, List.of(GXJ), "属科技创新范畴", T1,
                            // 2024-09-20 is a Friday: 15 working days later is Friday 2024-10-11, end of day in Shanghai
                            Instant.parse("2024-10-11T15:59:59Z")));
        }

        @Test
        void theNewDueDateIsCountedInTheConsultationsZone() {
            SubmissionAssigned inLondon = new SubmissionAssigned(ID, GXJ, List.of(), List.of(new RoutingBasis("（十一）", List.of(GXJ))),
                    false, 1, T0, 15, Instant.parse("2024-09-20T22:59:59Z"), "Europe/London");
            fixture.given(received(), inLondon)
                    .when(new ReassignSubmission(ID, KCJ, List.of(), "属科技创新范畴", null, T1, SUPERVISOR))
                    // Friday 2024-10-11, end of day in London (British Summer Time), not in Shanghai
                    .expectEvents(new SubmissionReassigned(ID, KCJ, List.of(), "属科技创新范畴", T1, Instant.parse("2024-10-11T22:59:59Z")));
        }

        @Test
        void anOfficialMayNotReassign() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new ReassignSubmission(ID, KCJ, List.of(), "不归我局", null, T1, GXJ_OFFICIAL))
                    .expectException(NotAllowed.class).expectNoEvents();
        }

        @Test
        void noRoleNameStandsInForAnother() {
            // a token may carry any role name; only SUPERVISOR grants reassignment
            fixture.given(received(), assignedTo(GXJ))
                    .when(new ReassignSubmission(ID, KCJ, List.of(), "理由", null, T1, new Actor("x", "", Set.of("SYSTEM", "ADMIN"))))
                    .expectException(NotAllowed.class).expectNoEvents();
        }

        @Test
        void aReassignmentNeedsAReason() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new ReassignSubmission(ID, KCJ, List.of(), " ", null, T1, SUPERVISOR))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }

        @Test
        void aPublishedItemCannotBeReassigned() {
            fixture.given(received(), assignedTo(GXJ), decided(), published(1, 1))
                    .when(new ReassignSubmission(ID, KCJ, List.of(), "晚了", null, T1, SUPERVISOR))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }
    }

    @Nested
    class CoHandling {

        private SubmissionAssigned assignedWithCo() {
            return new SubmissionAssigned(ID, GXJ, List.of(KCJ), List.of(new RoutingBasis("（十一）", List.of(GXJ, KCJ))), false, 1,
                    T0, 15, new HandlingDeadline(15, HandlingDeadline.DEFAULT_ZONE).after(T0), "Asia/Shanghai");
        }

        @Test
        void aCoHandlingBureauGivesItsOpinionAndTheItemNoLongerWaitsForIt() {
            fixture.given(received(), assignedWithCo())
                    .when(new Commands.GiveCoHandlingOpinion(ID, " 建议明确认定标准。 ", T1, KCJ_OFFICIAL))
                    .expectEvents(new CoHandlingOpinionGiven(ID, KCJ, "建议明确认定标准。", T1, List.of()));
        }

        @Test
        void neitherTheLeadNorAnotherBureauGivesACoHandlingOpinion() {
            fixture.given(received(), assignedWithCo())
                    .when(new Commands.GiveCoHandlingOpinion(ID, "意见", T1, GXJ_OFFICIAL))
                    .expectException(NotAllowed.class).expectNoEvents();
            fixture.given(received(), assignedWithCo())
                    .when(new Commands.GiveCoHandlingOpinion(ID, "意见", T1, SUPERVISOR))
                    .expectException(NotAllowed.class).expectNoEvents();
        }

        @Test
        void aDecidedItemTakesNoMoreOpinionsAndAnOpinionNeedsText() {
            fixture.given(received(), assignedWithCo(), decided())
                    .when(new Commands.GiveCoHandlingOpinion(ID, "意见", T1, KCJ_OFFICIAL))
                    .expectException(SubmissionRefused.class).expectNoEvents();
            fixture.given(received(), assignedWithCo())
                    .when(new Commands.GiveCoHandlingOpinion(ID, " ", T1, KCJ_OFFICIAL))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }

        @Test
        void theDecisionRecordsTheOpinionsItTookIntoAccount() {
            fixture.given(received(), assignedWithCo(), new CoHandlingOpinionGiven(ID, KCJ, "建议明确认定标准。", T0, List.of()))
                    .when(new DecideSubmission(ID, "采纳", "已吸收", null, T1, GXJ_OFFICIAL, List.of(KCJ)))
                    .expectEvents(new SubmissionDecided(ID, "采纳", "已吸收", GXJ, T1, OutcomeClass.ACCEPTED, List.of(KCJ)));
        }

        @Test
        void aDecisionCannotClaimAnOpinionNeverGiven() {
            fixture.given(received(), assignedWithCo())
                    .when(new DecideSubmission(ID, "采纳", "已吸收", null, T1, GXJ_OFFICIAL, List.of(KCJ)))
                    .expectException(InvalidField.class).expectNoEvents();
        }

        @Test
        void aReassignmentWaitsOnlyForCoHandlersThatHaveNotGivenTheirOpinion() {
            fixture.given(received(), assignedWithCo(), new CoHandlingOpinionGiven(ID, KCJ, "意见", T0, List.of()))
                    .when(new ReassignSubmission(ID, GXJ, List.of(KCJ, "市发展改革委"), "补充协办单位", null, T1, SUPERVISOR))
                    .expectEvents(new SubmissionReassigned(ID, GXJ, List.of(KCJ, "市发展改革委"), "补充协办单位", T1,
                            Instant.parse("2024-10-11T15:59:59Z"), List.of("市发展改革委")));
        }

        @Test
        void eventsStoredBeforeCoHandlingOpinionsReadWithTheirMeaning() throws Exception {
            // payloads as the event store holds those of earlier releases: no consideredOpinions, awaitedOpinions, chosenClauses
            ObjectMapper json = PublishedJson.mapper();
            assertThat(json.readValue("""
                    {"submissionId":"s","outcome":"采纳","reason":"","decidedByBureau":"甲","decidedAt":"2024-09-02T01:30:00Z"}""",
                    SubmissionDecided.class).consideredOpinions()).isEmpty();
            assertThat(json.readValue("""
                    {"submissionId":"s","leadBureau":"甲","coBureaus":["乙","丙"],"reason":"r","reassignedAt":"2024-09-02T01:30:00Z",
                     "dueAt":"2024-09-20T15:59:59Z"}""", SubmissionReassigned.class).awaitedOpinions()).containsExactly("乙", "丙");
            assertThat(json.readValue("""
                    {"submissionId":"s","consultationId":"c","opinion":"o","channel":"WEB","receivedAt":"2024-09-02T01:30:00Z",
                     "citedClauses":["（三）"],"citedChapters":[]}""", SubmissionReceived.class).chosenClauses()).isEmpty();
        }
    }

    @Nested
    class Deciding {

        @Test
        void theLeadBureauDecides() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new DecideSubmission(ID, "采纳", "已吸收", null, T1, GXJ_OFFICIAL))
                    .expectEvents(new SubmissionDecided(ID, "采纳", "已吸收", GXJ, T1, OutcomeClass.ACCEPTED));
        }

        @Test
        void anOfficialOfAnotherBureauMayNotDecide() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new DecideSubmission(ID, "采纳", "", null, T1, KCJ_OFFICIAL))
                    .expectException(NotAllowed.class).expectNoEvents();
        }

        @Test
        void aSupervisorMayDecideForTheLeadBureau() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new DecideSubmission(ID, "不采纳", "不符合要求", null, T1, SUPERVISOR))
                    .expectEvents(new SubmissionDecided(ID, "不采纳", "不符合要求", GXJ, T1, OutcomeClass.NOT_ACCEPTED));
        }

        @Test
        void anOutcomeOutsideTheConsultationsVocabularyIsRefused() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new DecideSubmission(ID, "已采纳", "", null, T1, GXJ_OFFICIAL))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }

        @Test
        void decidingAgainBeforePublicationIsARevision() {
            fixture.given(received(), assignedTo(GXJ), decided())
                    .when(new DecideSubmission(ID, "部分采纳", "部分吸收", null, T1, GXJ_OFFICIAL))
                    .expectEvents(new SubmissionDecisionRevised(ID, 1, "部分采纳", "部分吸收", GXJ, T1, OutcomeClass.PARTLY));
        }

        @Test
        void revisionsAreCounted() {
            fixture.given(received(), assignedTo(GXJ), decided(),
                            new SubmissionDecisionRevised(ID, 1, "部分采纳", "部分吸收", GXJ, T1, OutcomeClass.PARTLY))
                    .when(new DecideSubmission(ID, "不采纳", "再议", null, T1, GXJ_OFFICIAL))
                    .expectEvents(new SubmissionDecisionRevised(ID, 2, "不采纳", "再议", GXJ, T1, OutcomeClass.NOT_ACCEPTED));
        }

        @Test
        void aPublishedDecisionCannotBeRevised() {
            fixture.given(received(), assignedTo(GXJ), decided(), published(1, 1))
                    .when(new DecideSubmission(ID, "不采纳", "", null, T1, GXJ_OFFICIAL))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }

        @Test
        void aWithdrawnItemCannotBeDecided() {
            fixture.given(received(), assignedTo(GXJ), new SubmissionWithdrawn(ID, "", T1))
                    .when(new DecideSubmission(ID, "采纳", "", null, T1, GXJ_OFFICIAL))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }

        @Test
        void aStaleExpectedVersionIsAConflict() {
            fixture.given(received(), assignedTo(GXJ), decided())
                    .when(new DecideSubmission(ID, "不采纳", "", 1L, T1, GXJ_OFFICIAL))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Publishing {

        @Test
        void aDecidedItemIsPublishedWithItsRowNumber() {
            fixture.given(received(), assignedTo(GXJ), decided())
                    .when(new PublishSubmission(ID, CONSULTATION, 1, 7, T1, SUPERVISOR))
                    .expectEvents(published(1, 7));
        }

        @Test
        void aLaterVersionOfTheTablePublishesItAgain() {
            fixture.given(received(), assignedTo(GXJ), decided(), published(1, 7))
                    .when(new PublishSubmission(ID, CONSULTATION, 2, 6, T1, SUPERVISOR))
                    .expectEvents(published(2, 6));
        }

        @Test
        void publishingAgainInTheSameVersionRecordsNothingAndAnswersTheRowAsPublished() {
            fixture.given(received(), assignedTo(GXJ), decided(), published(2, 7))
                    .when(new PublishSubmission(ID, CONSULTATION, 2, 9, T1, SUPERVISOR))
                    .expectNoEvents()
                    .expectResultMessagePayload(new PublishedRow(ID, 7, "采纳", OutcomeClass.ACCEPTED, false));
        }

        @Test
        void anUndecidedItemCannotBePublished() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new PublishSubmission(ID, CONSULTATION, 1, 1, T1, SUPERVISOR))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }

        @Test
        void onlyASupervisorPublishes() {
            fixture.given(received(), assignedTo(GXJ), decided())
                    .when(new PublishSubmission(ID, CONSULTATION, 1, 1, T1, GXJ_OFFICIAL))
                    .expectException(NotAllowed.class).expectNoEvents();
        }
    }

    @Nested
    class OnTheSide {

        @Test
        void aClerkRecordsAWithdrawal() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new WithdrawSubmission(ID, "本人撤回", null, T1, CLERK))
                    .expectEvents(new SubmissionWithdrawn(ID, "本人撤回", T1));
        }

        @Test
        void aPublishedItemCannotBeWithdrawn() {
            fixture.given(received(), assignedTo(GXJ), decided(), published(1, 1))
                    .when(new WithdrawSubmission(ID, "", null, T1, CLERK))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }

        @Test
        void rejectionNeedsAReasonAndComesBeforeADecision() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new RejectSubmission(ID, "广告", null, T1, SUPERVISOR))
                    .expectEvents(new SubmissionRejected(ID, "广告", T1));
            fixture.given(received(), assignedTo(GXJ))
                    .when(new RejectSubmission(ID, "", null, T1, SUPERVISOR))
                    .expectException(SubmissionRefused.class);
            fixture.given(received(), assignedTo(GXJ), decided())
                    .when(new RejectSubmission(ID, "广告", null, T1, SUPERVISOR))
                    .expectException(SubmissionRefused.class);
        }

        @Test
        void anOfficialCannotReject() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new RejectSubmission(ID, "广告", null, T1, GXJ_OFFICIAL))
                    .expectException(NotAllowed.class);
        }

        @Test
        void aDuplicateNamesTheOriginalAndNotItself() {
            fixture.given(received(), assignedTo(GXJ))
                    .when(new MarkDuplicate(ID, "s-0", "同一来信", null, T1, CLERK))
                    .expectEvents(new SubmissionMarkedDuplicate(ID, "s-0", "同一来信", T1));
            fixture.given(received(), assignedTo(GXJ))
                    .when(new MarkDuplicate(ID, ID, "", null, T1, CLERK))
                    .expectException(SubmissionRefused.class);
        }

        @Test
        void aClosedItemStaysClosed() {
            fixture.given(received(), assignedTo(GXJ), new SubmissionRejected(ID, "广告", T1))
                    .when(new WithdrawSubmission(ID, "", null, T1, CLERK))
                    .expectException(SubmissionRefused.class);
        }
    }

    /** Tables as their owners wrote them: the published 采纳情况 reproduces the cells, anonymous and blank rows kept. */
    @Nested
    class ImportingTablesAsWritten {

        static final String TOWNSHIP = "township-2024";

        @BeforeEach
        void openTownshipConsultation() {
            ConsultationOpened opened = opened(TOWNSHIP);
            consultationEvents.publish(new GenericDomainEventMessage<>("Consultation", TOWNSHIP, 0,
                    new ConsultationOpened(TOWNSHIP, opened.title(), opened.draftingUnit(), opened.deadline(), opened.clauses(),
                            List.of("采纳", "部分采纳", "不采纳", "已反馈", "是", "否"), 15, T0, opened.timeZone())));
        }

        private ReceiveSubmission row(String submitter, String opinion) {
            return new ReceiveSubmission(ID, TOWNSHIP, new Submitter(submitter, SubmitterKind.PERSON, null), opinion,
                    Channel.IMPORT, T0, null, SUPERVISOR);
        }

        private void publishes(Commands.ImportSubmission imported, String outcome, String decisionText, String publicName, String opinion) {
            fixture.givenCommands(imported)
                    .when(new PublishSubmission(ID, TOWNSHIP, 1, 5, T1, SUPERVISOR))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate((Object e) -> e instanceof SubmissionPublished p && p.rowNumber() == 5
                                    && p.outcome().equals(outcome) && p.decisionText().equals(decisionText)
                                    && p.submitterPublicName().equals(publicName) && p.opinion().equals(opinion)),
                            andNoMore())));
        }

        @Test
        void anOutcomeCellWithNoPunctuationAfterItsWordIsPublishedAsWritten() {
            publishes(new Commands.ImportSubmission(row("（未署名）", "村道路灯不足，\n夜间出行不便。"), "已反馈给建设单位研究及落实。", null, false),
                    "已反馈", "已反馈给建设单位研究及落实。", "（未署名）", "村道路灯不足，\n夜间出行不便。");
        }

        @Test
        void anOutcomeAndAReasonColumnAreCarriedExactlyAndPublishedTogether() {
            fixture.givenNoPriorActivity()
                    .when(new Commands.ImportSubmission(row("张**", "建议明确古树名木认定的具体程序。"), "是", "已在第八条中补充认定程序。", false))
                    .expectResultMessagePayload(new ImportedAs(ImportedAs.As.DECIDED, new OutcomeWord("是", OutcomeClass.ACCEPTED), false))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate((Object e) -> e instanceof SubmissionReceived r && r.submitterPublicName().equals("张**")),
                            predicate((Object e) -> e instanceof SubmissionAssigned),
                            predicate((Object e) -> e instanceof SubmissionDecided d && d.outcome().equals("是")
                                    && d.reason().equals("已在第八条中补充认定程序。")),
                            andNoMore())));
        }

        @Test
        void anOutcomeAndAReasonColumnArePublishedJoinedAsEveryDecisionIs() {
            publishes(new Commands.ImportSubmission(row("陈女士", "第十二条罚款额度过低，建议提高。"), "否", "罚款额度依据上位法设定，本办法不宜突破。", false),
                    "否", "否，罚款额度依据上位法设定，本办法不宜突破。", "陈女士", "第十二条罚款额度过低，建议提高。");
        }

        @Test
        void anOutcomeCellWithItsOwnPunctuationIsFollowedByTheReasonCellAsIs() {
            publishes(new Commands.ImportSubmission(row("赵**", "建议提高研发投入补助比例。"), "部分采纳。", "补助比例结合财力统筹确定。", false),
                    "部分采纳", "部分采纳。补助比例结合财力统筹确定。", "赵**", "建议提高研发投入补助比例。");
        }

        @Test
        void anAnonymousRowWithABlankOpinionIsReceivedAndPublishedInItsPlace() {
            publishes(new Commands.ImportSubmission(row("", ""), "采纳。", null, false), "采纳", "采纳。", "", "");
        }

        @Test
        void aReasonWithoutAnOutcomeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new Commands.ImportSubmission(row("刘*", "建议"), "", "已补充。", false))
                    .expectException(SubmissionRefused.class).expectNoEvents();
        }
    }

    /** The vocabulary of a table adopted by its import, and the names and 序号 of a table already published. */
    @Nested
    class ImportingWordsAndPublishedTables {

        private ReceiveSubmission row(String submitter) {
            return new ReceiveSubmission(ID, CONSULTATION, new Submitter(submitter, SubmitterKind.PERSON, null), "建议",
                    Channel.IMPORT, T0, null, SUPERVISOR);
        }

        @Test
        void aWordTheConsultationLacksButConsultDeskKnowsIsAdoptedWithItsClassAndDecidesTheRow() {
            fixture.givenNoPriorActivity()
                    .when(new Commands.ImportSubmission(row("李**"), "已采纳。", null, false, "forestry.docx", false, null))
                    .expectResultMessagePayload(new ImportedAs(ImportedAs.As.DECIDED, new OutcomeWord("已采纳", OutcomeClass.ACCEPTED), true))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate((Object e) -> e instanceof SubmissionReceived),
                            predicate((Object e) -> e instanceof SubmissionAssigned),
                            predicate((Object e) -> e instanceof SubmissionDecided d && d.outcome().equals("已采纳")
                                    && d.reason().equals("。") && d.outcomeClass() == OutcomeClass.ACCEPTED),
                            andNoMore())));
            List<Object> consultation = new ArrayList<>();
            consultationEvents.readEvents(CONSULTATION).asStream().forEach(m -> consultation.add(m.getPayload()));
            assertThat(consultation).last().isEqualTo(new OutcomeVocabularyAmended(CONSULTATION, List.of(
                    new OutcomeWord("采纳", OutcomeClass.ACCEPTED), new OutcomeWord("部分采纳", OutcomeClass.PARTLY),
                    new OutcomeWord("不采纳", OutcomeClass.NOT_ACCEPTED), new OutcomeWord("已采纳", OutcomeClass.ACCEPTED)),
                    "forestry.docx", T0));
        }

        @Test
        void aDryRunNamesTheWordItWouldAdoptAndRecordsNothing() {
            fixture.givenNoPriorActivity()
                    .when(new Commands.ImportSubmission(row("李**"), "是", "已补充。", true, "t.csv", false, null))
                    .expectResultMessagePayload(new ImportedAs(ImportedAs.As.DECIDED, new OutcomeWord("是", OutcomeClass.ACCEPTED), true))
                    .expectNoEvents();
            assertThat(consultationEvents.readEvents(CONSULTATION).asStream().count()).isEqualTo(1);
        }

        @Test
        void aCellThatStartsWithNoKnownWordIsRefusedNamingTheFix() {
            fixture.givenNoPriorActivity()
                    .when(new Commands.ImportSubmission(row("李**"), "同意，已修改。", null, false))
                    .expectNoEvents()
                    .expectException(predicate((Object e) -> e instanceof SubmissionRefused r
                            && r.getMessage().contains("'同意，已修改。' does not start with an outcome word")
                            && r.getMessage().contains("PUT /api/consultations/" + CONSULTATION + "/outcomes")));
        }

        @Test
        void aRowOfAPublishedTableKeepsItsNameAsWrittenAndItsSerial() {
            fixture.givenNoPriorActivity()
                    .when(new Commands.ImportSubmission(row("王五"), "采纳。", null, false, "t.csv", true, 7))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate((Object e) -> e instanceof SubmissionReceived r && r.submitterPublicName().equals("王五")
                                    && r.publishedRowNumber() == 7 && r.publicNameAsWritten()),
                            predicate((Object e) -> e instanceof SubmissionAssigned),
                            predicate((Object e) -> e instanceof SubmissionDecided),
                            andNoMore())));
        }

        @Test
        void otherwiseAPersonsNameIsMaskedAndAOneCharacterNameKeepsItsCharacter() {
            fixture.givenNoPriorActivity()
                    .when(new Commands.ImportSubmission(row("李"), "采纳。", null, false))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate((Object e) -> e instanceof SubmissionReceived r && r.submitterPublicName().equals("李*")
                                    && r.publishedRowNumber() == null && r.publicNameAsWritten() == null),
                            predicate((Object e) -> e instanceof SubmissionAssigned),
                            predicate((Object e) -> e instanceof SubmissionDecided),
                            andNoMore())));
        }
    }

    @Nested
    class SameIdAgain {

        @Test
        void withTheSameCommentIsARetryThatChangesNothing() {
            fixture.givenCommands(receive("第（十一）条建议", Channel.WEB, PUBLIC))
                    .when(receive("第（十一）条建议", Channel.WEB, PUBLIC))
                    .expectResultMessagePayload(false).expectNoEvents();
        }

        @Test
        void withADifferentCommentIsAConflictNamingWhatDiffers() {
            fixture.givenCommands(receive("第（十一）条建议", Channel.WEB, PUBLIC))
                    .when(new ReceiveSubmission(ID, CONSULTATION, new Submitter("王五", SubmitterKind.PERSON, "chen@example.org"),
                            "另一条意见", Channel.WEB, T0, null, PUBLIC))
                    .expectNoEvents()
                    .expectException(predicate((Object e) -> e instanceof SubmissionIdTaken taken
                            && taken.differs().equals(List.of("opinion", "submitter.name"))
                            && taken.getMessage().contains("already received with a different opinion, submitter.name")));
        }
    }
}
