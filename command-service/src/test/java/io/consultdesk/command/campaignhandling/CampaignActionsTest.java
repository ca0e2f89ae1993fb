package io.consultdesk.command.campaignhandling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.consultdesk.command.campaign.Campaign;
import io.consultdesk.command.campaign.CampaignCommands;
import io.consultdesk.command.campaign.CampaignDecided;
import io.consultdesk.command.campaign.CampaignDetector;
import io.consultdesk.command.campaign.CampaignSettings;
import io.consultdesk.command.campaign.MongoCampaignIndex;
import io.consultdesk.command.campaign.SubmissionDecisionProposed;
import io.consultdesk.command.campaign.SubmissionJoinedCampaign;
import io.consultdesk.command.campaign.SubmissionRegrouped;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationCommands.OpenConsultation;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.command.personaldata.PersonalDataVault;
import io.consultdesk.command.routing.Clause;
import io.consultdesk.command.submission.Channel;
import io.consultdesk.command.submission.Commands.ReassignSubmission;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import io.consultdesk.command.submission.Commands.WithdrawSubmission;
import io.consultdesk.command.submission.Submission;
import io.consultdesk.command.submission.SubmissionDecided;
import io.consultdesk.command.submission.SubmissionDecisionRevised;
import io.consultdesk.command.submission.SubmissionIntake;
import io.consultdesk.command.submission.Submitter;
import io.consultdesk.command.submission.SubmitterKind;
import io.consultdesk.command.web.CommandSender;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import io.consultdesk.security.Roles;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A campaign handled as a whole, on real aggregates and the real index: decided once by its lead bureau (each member
 * its own decision event naming the cluster's decision, other bureaus' members a proposal, refused members reported),
 * the same decision sent again completing it, joiners told the decision (applied at once only where the supervisor
 * allowed it), members split off and clusters merged.
 */
class CampaignActionsTest {

    private static final Instant T = Instant.parse("2024-09-02T01:30:00Z");
    private static final String GXJ = "市工业和信息化局";
    private static final String KCJ = "市科技创新局";
    private static final Actor ADMIN = new Actor("admin", "", Set.of(Roles.ADMIN));
    private static final Actor PUBLIC = new Actor("public", "", Set.of());
    private static final Actor CLERK = new Actor("clerk", "", Set.of(Roles.CLERK));
    private static final Actor SUPERVISOR = new Actor("supervisor", "", Set.of(Roles.SUPERVISOR));
    private static final Actor GXJ_OFFICIAL = new Actor("official-gxj", GXJ, Set.of(Roles.OFFICIAL));
    private static final Actor KCJ_OFFICIAL = new Actor("official-kcj", KCJ, Set.of(Roles.OFFICIAL));
    private static final String TEMPLATE = "关于第（四）条训力券，我们是一家中小人工智能企业，建议将企业单次申领训力券金额上限由智能算力合同额的50%提高到70%，"
            + "并取消每家企业每年不超过300万元的限制，切实减轻初创企业的算力负担。";
    private static final String OTHER_TEMPLATE = "建议在深汕特别合作区建设国家级数据标注基地，对数据标注企业按新增就业人数给予每人每年一万元的用工补贴，"
            + "并由市工业和信息化局牵头制定数据标注行业标准。";
    private static final String[] NAMES = {"陈大天", "王芳", "李四", "赵磊", "钱七", "孙八", "周九", "吴十"};

    private static MongoWireServer server;
    private static MongoClient mongo;

    private EmbeddedEventStore store;
    private CommandSender sender;
    private CampaignActions actions;
    private MongoDatabase database;

    @BeforeAll
    static void start() {
        server = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        mongo = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        mongo.close();
        server.close();
    }

    @BeforeEach
    void wire() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Submission> submissions = EventSourcingRepository.builder(Submission.class).eventStore(store).build();
        EventSourcingRepository<Consultation> consultations = EventSourcingRepository.builder(Consultation.class).eventStore(store).build();
        EventSourcingRepository<Campaign> campaigns = EventSourcingRepository.builder(Campaign.class).eventStore(store).build();
        database = mongo.getDatabase("cmd_" + UUID.randomUUID().toString().replace("-", ""));
        PersonalDataVault vault = new PersonalDataVault(database, new byte[32], new ObjectMapper().findAndRegisterModules(),
                Clock.fixed(T, ZoneOffset.UTC));
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Consultation>builder().aggregateType(Consultation.class).repository(consultations)
                .build().subscribe(bus);
        AggregateAnnotationCommandHandler.<Submission>builder().aggregateType(Submission.class).repository(submissions)
                .build().subscribe(bus);
        AggregateAnnotationCommandHandler.<Campaign>builder().aggregateType(Campaign.class).repository(campaigns)
                .build().subscribe(bus);
        MongoCampaignIndex index = new MongoCampaignIndex(database.getCollection(MongoCampaignIndex.COLLECTION));
        SubmissionIntake intake = new SubmissionIntake(submissions, consultations, vault, (id, sequence) -> store.readEvents(id, sequence).hasNext());
        intake.setCampaignDetector(new CampaignDetector(CampaignSettings.DEFAULT, index));
        new AnnotationCommandHandlerAdapter<>(intake).subscribe(bus);
        sender = new CommandSender(DefaultCommandGateway.builder().commandBus(bus).build(), new SimpleMeterRegistry());
        actions = new CampaignActions(sender, index, consultations, NoCache.INSTANCE, (id, sequence) -> store.readEvents(id, sequence).hasNext());
        sender.send(new OpenConsultation("c", "某办法（征求意见稿）", "起草处", null,
                List.of(new Clause("（四）", "", "训力券", List.of(GXJ))), null, 15, null, T, ADMIN), ADMIN);
    }

    @AfterEach
    void stopActions() {
        actions.stop();
    }

    /** Receives copies {@code first…first+n-1} of {@code template}, each with its submitter's name in it; returns their ids. */
    private List<String> copies(String prefix, String template, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = NAMES[i % NAMES.length];
            String id = prefix + "-" + i;
            sender.send(new ReceiveSubmission(id, "c", new Submitter(name, SubmitterKind.PERSON, null), "我是" + name + "。" + template,
                    Channel.WEB, T, null, PUBLIC), PUBLIC);
            ids.add(id);
        }
        return ids;
    }

    private List<Object> events(String id) {
        List<Object> events = new ArrayList<>();
        store.readEvents(id).asStream().map(DomainEventMessage::getPayload).forEach(events::add);
        return events;
    }

    private <E> E last(String id, Class<E> type) {
        return events(id).stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b).orElse(null);
    }

    @Test
    void aBureauDecidesItsMembersOnceAndTheOtherBureausMembersGetAProposal() throws Exception {
        List<String> members = copies("s", TEMPLATE, 6);
        assertThat(last("s-1", SubmissionJoinedCampaign.class).clusterId()).isEqualTo("s-0");
        sender.send(new ReassignSubmission("s-5", KCJ, List.of(), "训力券由科技局发放", null, T, SUPERVISOR), SUPERVISOR);
        sender.send(new WithdrawSubmission("s-4", "提交人撤回", null, T, CLERK), CLERK);

        MemberReport report = actions.decide("c", "s-0", null, "部分采纳", "将在实施细则中研究", members, T, GXJ_OFFICIAL);

        assertThat(report.decisionId()).isEqualTo("s-0/1");
        assertThat(report.decided()).isEqualTo(4);
        assertThat(report.proposed()).isEqualTo(1);
        assertThat(report.skipped()).extracting(MemberReport.Skipped::submissionId).containsExactly("s-4");
        assertThat(report.skipped().get(0).reason()).contains("WITHDRAWN");
        CampaignDecided once = last(CampaignCommands.campaignId("s-0"), CampaignDecided.class);
        assertThat(once.bureau()).isEqualTo(GXJ);
        assertThat(once.memberCount()).isEqualTo(members.size());
        for (String member : List.of("s-0", "s-1", "s-2", "s-3")) {
            SubmissionDecided own = last(member, SubmissionDecided.class);
            assertThat(own.campaignDecisionId()).isEqualTo("s-0/1");
            assertThat(own.outcome()).isEqualTo("部分采纳");
            assertThat(own.decidedByBureau()).isEqualTo(GXJ);
        }
        assertThat(last("s-5", SubmissionDecided.class)).as("led by another bureau").isNull();
        assertThat(last("s-5", SubmissionDecisionProposed.class).decisionId()).isEqualTo("s-0/1");

        // sent again (as after a stop halfway): no second decision, nothing changes twice
        MemberReport again = actions.decide("c", "s-0", null, "部分采纳", "将在实施细则中研究", members, T, GXJ_OFFICIAL);
        assertThat(again.decisionId()).isEqualTo("s-0/1");
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(events(CampaignCommands.campaignId("s-0"))).hasSize(1);
        assertThat(events("s-5").stream().filter(SubmissionDecisionProposed.class::isInstance)).hasSize(1);

        // the other bureau decides its own member of the cluster; a changed mind revises the first bureau's members
        MemberReport kcj = actions.decide("c", "s-0", null, "不采纳", "训力券额度已定", List.of("s-5"), T, KCJ_OFFICIAL);
        assertThat(kcj.decided()).isEqualTo(1);
        MemberReport revised = actions.decide("c", "s-0", null, "采纳", "", members, T, GXJ_OFFICIAL);
        assertThat(revised.decisionId()).isEqualTo("s-0/3");
        assertThat(revised.revised()).isEqualTo(4);
        assertThat(last("s-2", SubmissionDecisionRevised.class).campaignDecisionId()).isEqualTo("s-0/3");
    }

    @Test
    void whoMayDecideAndWithWhatWords() {
        List<String> members = copies("s", TEMPLATE, 2);
        assertThatThrownBy(() -> actions.decide("c", "s-0", null, "采纳", "", members, T, SUPERVISOR))
                .isInstanceOf(InvalidField.class).hasMessageContaining("bureau");
        assertThatThrownBy(() -> actions.decide("c", "s-0", GXJ, "照办", "", members, T, SUPERVISOR))
                .isInstanceOf(InvalidField.class).hasMessageContaining("照办");
        assertThatThrownBy(() -> actions.decide("c", "s-0", null, "采纳", "", members, T, CLERK)).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> actions.confirm("c", "s-0", true, T, GXJ_OFFICIAL)).isInstanceOf(NotAllowed.class);
        assertThat(events(CampaignCommands.campaignId("s-0"))).isEmpty();
    }

    @Test
    void aJoinerIsToldTheDecisionAndTakesItAtOnceOnlyWhereTheSupervisorAllowedIt() throws Exception {
        List<String> members = copies("s", TEMPLATE, 3);
        actions.decide("c", "s-0", null, "采纳", "已吸收", members, T, GXJ_OFFICIAL);

        copies("late", TEMPLATE, 2);
        assertThat(last("late-0", SubmissionDecided.class)).isNull();
        assertThat(last("late-0", SubmissionDecisionProposed.class).decisionId()).isEqualTo("s-0/1");

        actions.confirm("c", "s-0", true, T, SUPERVISOR);
        copies("later", TEMPLATE, 1);
        SubmissionDecided taken = last("later-0", SubmissionDecided.class);
        assertThat(taken.campaignDecisionId()).isEqualTo("s-0/1");
        assertThat(taken.outcome()).isEqualTo("采纳");
        assertThat(events("later-0")).extracting(e -> e.getClass().getSimpleName())
                .as("taken in the unit of work that received it")
                .containsExactly("SubmissionReceived", "SubmissionAssigned", "SubmissionJoinedCampaign", "SubmissionDecided");
    }

    @Test
    void membersSplitOffLeaveTheClusterAndAMergedClustersNearCopiesJoinTheOneItWasMergedInto() throws Exception {
        List<String> first = copies("s", TEMPLATE, 3);
        List<String> second = copies("t", OTHER_TEMPLATE, 3);
        assertThat(last("t-1", SubmissionJoinedCampaign.class).clusterId()).isEqualTo("t-0");

        MemberReport split = actions.split("c", "s-0", List.of("s-2", "s-0"), "并非同一模板", T, SUPERVISOR);
        assertThat(split.moved()).isEqualTo(1);
        assertThat(split.skipped()).extracting(MemberReport.Skipped::submissionId).as("the representative stays").containsExactly("s-0");
        assertThat(last("s-2", SubmissionRegrouped.class).toClusterId()).isNull();
        MemberReport decided = actions.decide("c", "s-0", null, "采纳", "", first, T, GXJ_OFFICIAL);
        assertThat(decided.skipped()).extracting(MemberReport.Skipped::submissionId).containsExactly("s-2");

        MemberReport merged = actions.merge("c", "s-0", "t-0", second, "同一诉求", T, SUPERVISOR);
        assertThat(merged.moved()).isEqualTo(3);
        assertThat(last("t-0", SubmissionRegrouped.class).toClusterId()).isEqualTo("s-0");
        copies("u", OTHER_TEMPLATE, 1);
        assertThat(last("u-0", SubmissionJoinedCampaign.class).clusterId()).as("near-copies of t-0 now join s-0").isEqualTo("s-0");
        assertThat(last("u-0", SubmissionDecisionProposed.class).decisionId()).as("and are told its decision").isEqualTo("s-0/1");
        assertThatThrownBy(() -> actions.merge("c", "s-0", "s-0", first, "x", T, SUPERVISOR)).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> actions.split("c", "s-0", List.of("s-1"), "x", T, GXJ_OFFICIAL)).isInstanceOf(NotAllowed.class);
    }
}
