package io.consultdesk.command.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.consultdesk.command.campaign.CampaignDetector;
import io.consultdesk.command.campaign.CampaignIndex;
import io.consultdesk.command.campaign.CampaignSettings;
import io.consultdesk.command.campaign.CampaignTerms;
import io.consultdesk.command.campaign.MongoCampaignIndex;
import io.consultdesk.command.campaign.Representative;
import io.consultdesk.command.campaign.SubmissionJoinedCampaign;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationCommands.OpenConsultation;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.security.Roles;
import io.consultdesk.command.personaldata.PersonalDataVault;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import io.consultdesk.command.web.CommandSender;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaign detection as comments are received: near-copies join the first comment's cluster in the unit of work
 * that receives them, with their similarity recorded; other comments join none; and what each comment costs the
 * store beyond its receipt, counted by the driver: at most two key reads of the index, and a write for a comment
 * that joins none.
 */
class CampaignsOnReceiptTest {

    private static final Instant T = Instant.parse("2024-09-02T01:30:00Z");
    private static final Actor ADMIN = new Actor("admin", "", Set.of(Roles.ADMIN));
    private static final Actor PUBLIC = new Actor("public", "", Set.of());
    private static final String TEMPLATE = "关于第（四）条训力券，我们是一家中小人工智能企业，建议将企业单次申领训力券金额上限由智能算力合同额的50%提高到70%，"
            + "并取消每家企业每年不超过300万元的限制，切实减轻初创企业的算力负担。";

    /** Another opinion, opening with the template's words (pasted and cut short) and going on about another clause. */
    private static final String OTHER_OPINION = "关于第（四）条训力券，我们是一家中小人工智能企业，建议将企业单次申领训力券金"
            + "第（十七）条原文“鼓励海内外高层次人才团队来深创新创业，对经评审具有重大技术能力的核心团队，给予1000万元以上、1亿元以下的财政资金支持”";

    private static MongoWireServer server;
    private static MongoClient mongo;
    /** The commands sent to the campaign index, in order: {@code find} or {@code update}. */
    private static final List<String> indexCommands = new CopyOnWriteArrayList<>();

    private EmbeddedEventStore store;
    private CommandSender sender;
    private SubmissionIntake intake;
    private MongoDatabase database;

    @BeforeAll
    static void start() {
        server = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (MongoCampaignIndex.COLLECTION.equals(event.getCommand().get(event.getCommandName()) instanceof BsonString s
                        ? s.getValue() : null)) {
                    indexCommands.add(event.getCommandName());
                }
            }
        };
        mongo = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(listener).build());
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
        database = mongo.getDatabase("cmd_" + UUID.randomUUID().toString().replace("-", ""));
        PersonalDataVault vault = new PersonalDataVault(database, new byte[32], new ObjectMapper().findAndRegisterModules(),
                Clock.fixed(T, ZoneOffset.UTC));
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Consultation>builder().aggregateType(Consultation.class).repository(consultations)
                .build().subscribe(bus);
        intake = new SubmissionIntake(submissions, consultations, vault, (id, sequence) -> store.readEvents(id, sequence).hasNext());
        intake.setCampaignDetector(detector(new MongoCampaignIndex(database.getCollection(MongoCampaignIndex.COLLECTION))));
        new AnnotationCommandHandlerAdapter<>(intake).subscribe(bus);
        sender = new CommandSender(DefaultCommandGateway.builder().commandBus(bus).build(), new SimpleMeterRegistry());
        sender.send(new OpenConsultation("c", "某办法（征求意见稿）", "起草处", null, List.of(), null, 15, null, T, ADMIN), ADMIN);
    }

    private static CampaignDetector detector(CampaignIndex index) {
        return new CampaignDetector(CampaignSettings.DEFAULT, index);
    }

    /** Receives a comment and returns the commands it sent to the campaign index. */
    private List<String> receive(String id, String name, String opinion) {
        indexCommands.clear();
        sender.send(new ReceiveSubmission(id, "c", new Submitter(name, SubmitterKind.PERSON, null), opinion, Channel.WEB,
                T, null, PUBLIC), PUBLIC);
        return new ArrayList<>(indexCommands);
    }

    private List<Object> events(String id) {
        List<Object> events = new ArrayList<>();
        store.readEvents(id).asStream().map(DomainEventMessage::getPayload).forEach(events::add);
        return events;
    }

    private SubmissionJoinedCampaign joined(String id) {
        return events(id).stream().filter(SubmissionJoinedCampaign.class::isInstance).map(SubmissionJoinedCampaign.class::cast)
                .findFirst().orElse(null);
    }

    @Test
    void nearCopiesJoinTheFirstCommentsClusterAndOthersJoinNone() {
        receive("s-1", "陈大天", "我是陈大天。" + TEMPLATE);
        receive("s-2", "王芳", "尊敬的领导：我是王芳， " + TEMPLATE.replace("建议将", "希望将").replace("，", ",") + " 联系电话：13912345678");
        receive("s-3", "李四", "关于第（四）条训力券，建议明确训力券的申领流程和审核时限，由市科技创新局统一受理，避免企业在各区之间重复提交材料。");
        receive("s-4", "赵磊", TEMPLATE.replace("切实减轻", "降低") + "谢谢！——赵磊");

        assertThat(joined("s-1")).as("the first of a campaign founds nothing until a copy arrives").isNull();
        SubmissionJoinedCampaign second = joined("s-2");
        assertThat(second).isNotNull();
        assertThat(second.clusterId()).isEqualTo("s-1");
        assertThat(second.representativeId()).isEqualTo("s-1");
        assertThat(second.consultationId()).isEqualTo("c");
        assertThat(second.similarity()).isGreaterThanOrEqualTo(CampaignSettings.DEFAULT.threshold()).isLessThanOrEqualTo(1.0);
        assertThat(joined("s-3")).as("another opinion on the same clause").isNull();
        assertThat(joined("s-4").clusterId()).isEqualTo("s-1");
        // the join is part of the receipt: received, assigned, joined, in one commit
        assertThat(events("s-2")).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SubmissionReceived", "SubmissionAssigned", "SubmissionJoinedCampaign");
    }

    @Test
    void aCommentCostsAtMostTwoReadsOfTheIndexAndAWriteWhenItJoinsNone() {
        // a comment whose bands lead nowhere: one read of all its bands, one write remembering it
        assertThat(receive("s-1", "陈大天", TEMPLATE)).containsExactly("find", "update");
        // a near-copy: its bands, then the clusters they lead to; it joins and writes nothing
        assertThat(receive("s-2", "王芳", "我是王芳。" + TEMPLATE.replace("建议将", "希望将"))).containsExactly("find", "find");
        // an unrelated comment: its bands lead nowhere
        assertThat(receive("s-3", "李四", "建议在深汕特别合作区建设数据标注基地，对数据标注企业给予用工补贴。")).containsExactly("find", "update");
        // another opinion in the template's opening words: its bands lead to the campaign, it is not like enough
        // to join, and is remembered (the most a comment costs: two reads and a write)
        assertThat(receive("s-4", "赵磊", OTHER_OPINION)).containsExactly("find", "find", "update");
        assertThat(joined("s-4")).isNull();
        // a comment too short to be a template is not compared at all
        assertThat(receive("s-5", "钱七", "第（三）条建议。")).isEmpty();
        assertThat(receive("s-6", "孙八", "第（三）条建议。")).isEmpty();
        assertThat(joined("s-6")).isNull();
        // the same id again (a retry) is no new comment: nothing is detected
        assertThat(receive("s-2", "王芳", "我是王芳。" + TEMPLATE.replace("建议将", "希望将"))).isEmpty();
    }

    @Test
    void aCommentNotRememberedIsStillReceivedAndALaterCopyStartsAClusterOfItsOwn() {
        // the store fails between the receipt's commit and the index write (as a crash there would leave it)
        MongoCampaignIndex real = new MongoCampaignIndex(database.getCollection(MongoCampaignIndex.COLLECTION));
        intake.setCampaignDetector(detector(new CampaignIndex() {
            @Override
            public List<Representative> candidates(String consultationId, List<String> bandKeys) {
                return real.candidates(consultationId, bandKeys);
            }

            @Override
            public void remember(String consultationId, Representative representative, List<String> bandKeys) {
                throw new IllegalStateException("the store went away");
            }

            @Override
            public void describe(String consultationId, String clusterId, CampaignTerms terms) {
                real.describe(consultationId, clusterId, terms);
            }

            @Override
            public void redirect(String consultationId, String fromClusterId, String toClusterId, String toRepresentativeId) {
                real.redirect(consultationId, fromClusterId, toClusterId, toRepresentativeId);
            }
        }));
        receive("s-1", "陈大天", TEMPLATE);
        assertThat(events("s-1")).extracting(e -> e.getClass().getSimpleName()).containsExactly("SubmissionReceived", "SubmissionAssigned");

        intake.setCampaignDetector(detector(real));
        receive("s-2", "王芳", "我是王芳。" + TEMPLATE.replace("建议将", "希望将"));
        receive("s-3", "赵磊", TEMPLATE.replace("切实减轻", "降低"));
        assertThat(joined("s-2")).as("s-1 is not in the index").isNull();
        assertThat(joined("s-3").clusterId()).isEqualTo("s-2");
    }

    @Test
    void aBandSharedByManyKeepsItsFirstClustersOnly() {
        MongoCampaignIndex index = new MongoCampaignIndex(database.getCollection(MongoCampaignIndex.COLLECTION));
        CampaignDetector detector = detector(index);
        var detection = detector.detect("c", TEMPLATE, List.of());
        for (int i = 0; i < 70; i++) {
            index.remember("c", new Representative("r-" + i, "r-" + i, detection.signature()), detection.bands().subList(0, 1));
        }
        var band = database.getCollection(MongoCampaignIndex.COLLECTION).find(new Document("_id", "c|" + detection.bands().get(0))).first();
        assertThat(band.getList("clusters", String.class)).hasSize(64).startsWith("r-0", "r-1");
        assertThat(index.candidates("c", detection.bands())).hasSize(CampaignIndex.MOST_CANDIDATES);
    }
}
