package io.consultdesk.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.campaign.CampaignClusterProjection;
import io.consultdesk.query.campaign.CampaignClusters;
import io.consultdesk.query.campaign.CampaignTermsProjection;
import io.consultdesk.query.consultation.ConsultationProjection;
import io.consultdesk.query.publication.PublishedTableProjection;
import io.consultdesk.query.submission.SubmissionProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's side of the contract: the golden files that command-service's events must equal (at the
 * repository root, {@code published-language/}) are read here as they arrive from Kafka, and replayed into
 * the projections as the story they tell.
 */
class PublishedLanguageContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static MongoWireServer mongo;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        mongo = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static List<Path> goldenFiles() throws IOException {
        Path root = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(root.resolve("published-language"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Each file as the feed reads a record of it; the order a reader would receive them in. */
    private static List<EventEnvelope> goldenEvents() throws IOException {
        List<EventEnvelope> events = new ArrayList<>();
        long offset = 0;
        for (Path file : goldenFiles()) {
            String value = Files.readString(file);
            String key = JSON.readTree(value).path("aggregateId").asText();
            events.add(EventFeedListener.parse(JSON, new ConsumerRecord<>(EventFeedListener.SUBMISSIONS, 0, offset++, key, value)));
        }
        events.sort(Comparator.comparing(EventEnvelope::occurredAt).thenComparing(EventEnvelope::aggregateId)
                .thenComparingLong(EventEnvelope::sequence));
        return events;
    }

    @Test
    void everyGoldenFileIsAnEventThisReaderKnowsAndEveryKnownVersionHasAFile() throws IOException {
        Set<String> files = goldenFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> known = PublishedLanguage.KNOWN.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + ".v" + v + ".json"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).isEqualTo(known);
        for (EventEnvelope event : goldenEvents()) {
            assertThat(PublishedLanguage.knows(event.type(), event.version())).as(event.type()).isTrue();
        }
    }

    /**
     * The golden story with the withdrawn, rejected and duplicate items received like the first one, and the item
     * that joined a campaign received and assigned like it.
     */
    private static List<EventEnvelope> story() throws IOException {
        return story(false);
    }

    /**
     * The story as {@link #story()} tells it, each type in its newest version — or, {@code older}, each in its oldest
     * (what a reader meets in topics written by an earlier release).
     */
    private static List<EventEnvelope> story(boolean older) throws IOException {
        Map<String, String> chosen = new HashMap<>();
        for (EventEnvelope e : goldenEvents()) {
            chosen.merge(e.type(), e.version(), (a, b) -> (Integer.parseInt(b) > Integer.parseInt(a)) != older ? b : a);
        }
        List<EventEnvelope> golden = goldenEvents().stream().filter(e -> e.version().equals(chosen.get(e.type()))).toList();
        EventEnvelope received = golden.stream().filter(e -> e.type().equals("SubmissionReceived")).findFirst().orElseThrow();
        List<EventEnvelope> story = new ArrayList<>();
        EventEnvelope assigned = golden.stream().filter(e -> e.type().equals("SubmissionAssigned")).findFirst().orElseThrow();
        Set<String> begun = new HashSet<>();
        for (EventEnvelope event : golden) {
            if (event.sequence() >= 1 && event.aggregateType().equals("Submission") && !event.aggregateId().equals(received.aggregateId())
                    && begun.add(event.aggregateId())) {
                story.add(receivedAs(received, event.aggregateId()));
                if (event.sequence() == 2) {
                    story.add(as(assigned, event.aggregateId(), 1));
                }
            }
            story.add(event);
        }
        return story;
    }

    private static Views freshViews() {
        return new LiveViews(client.getDatabase("contract_" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Test
    void theGoldenStoryAsOneBatchBuildsTheSameViewsAsEventByEvent() throws IOException {
        List<EventEnvelope> story = story();
        Views oneByOne = freshViews();
        BatchApplier eventByEvent = new BatchApplier(oneByOne, AllProjections.REGISTERED, JSON);
        for (EventEnvelope event : story) {
            assertThat(ProjectionTest.apply(eventByEvent, event).applied()).as(event.type()).isEqualTo(1);
        }
        Views batched = freshViews();
        BatchApplier.Outcome outcome = ProjectionTest.apply(new BatchApplier(batched, AllProjections.REGISTERED, JSON),
                story.toArray(EventEnvelope[]::new));
        assertThat(outcome.applied()).isEqualTo(story.size());
        for (String collection : List.of(ConsultationProjection.COLLECTION, SubmissionProjection.COLLECTION,
                PublishedTableProjection.ROWS, PublishedTableProjection.TABLES, HistoryProjection.COLLECTION,
                CampaignClusterProjection.CLUSTERS, CampaignClusterProjection.BY_CONSULTATION, CampaignTermsProjection.COLLECTION)) {
            assertThat(all(batched, collection)).as(collection).isEqualTo(all(oneByOne, collection)).isNotEmpty();
        }
    }

    private static Map<Object, Document> all(Views views, String collection) {
        Map<Object, Document> documents = new HashMap<>();
        views.collection(collection).find().forEach(d -> documents.put(d.get("_id"), d));
        return documents;
    }

    @Test
    void aTablePublishedInItsFirstVersionReadsWithItsItemsLeftOutCounted() throws IOException {
        Views views = freshViews();
        BatchApplier applier = new BatchApplier(views, AllProjections.REGISTERED, JSON);
        List<EventEnvelope> story = story(true);
        assertThat(story).filteredOn(e -> e.type().equals("TablePublished")).extracting(EventEnvelope::version).containsExactly("1");
        for (EventEnvelope event : story) {
            ProjectionTest.apply(applier, event);
        }
        Document table = views.collection(PublishedTableProjection.TABLES).find().first();
        assertThat(table.getInteger("leftOutCount")).isEqualTo(1);
        assertThat(table.getList("leftOut", String.class)).containsExactly("golden-item-5");
        assertThat(table.getInteger("rowCount")).isEqualTo(1);
    }

    @Test
    void theGoldenStoryBuildsEveryView() throws IOException {
        Views views = freshViews();
        BatchApplier applier = new BatchApplier(views, AllProjections.REGISTERED, JSON);
        for (EventEnvelope event : story()) {
            ProjectionTest.apply(applier, event);
        }

        Document consultation = one(views, ConsultationProjection.COLLECTION, "golden-consultation");
        assertThat(consultation.getString("title")).isEqualTo("深圳市打造人工智能先锋城市的若干措施（征求意见稿）");
        assertThat(consultation.getString("draftingUnit")).isEqualTo("市工业和信息化局");
        assertThat(consultation.getString("timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(consultation.getList("clauses", Document.class)).extracting(c -> c.getString("number"))
                .containsExactly("（十一）", "（十五）");
        assertThat(consultation.getInteger("catalogueVersion")).isEqualTo(2);
        assertThat(consultation.getList("clauses", Document.class)).extracting(c -> c.getString("text"))
                .containsExactly("支持具有自研人工智能能力的企业开展技术攻关。", "");
        assertThat(consultation.getInteger("publishedVersion")).isEqualTo(1);
        assertThat(consultation.getInteger(ConsultationProjection.PUBLISHING_VERSION)).as("version 2 is under way").isEqualTo(2);
        assertThat(consultation.getInteger("publishingExpectedRows")).isEqualTo(2_400);
        assertThat(consultation.getInteger("publishingRows")).isEqualTo(1_000);
        assertThat(consultation.getString("state")).isEqualTo("CLOSED");
        assertThat(consultation.getList("outcomes", String.class)).containsExactly("采纳", "部分采纳", "不采纳", "已反馈");
        assertThat(consultation.get("outcomeClasses", Document.class)).containsEntry("已反馈", "EXPLAINED").containsEntry("部分采纳", "PARTLY");

        Document item = one(views, SubmissionProjection.COLLECTION, "golden-item-1");
        assertThat(item.getString("state")).isEqualTo("PUBLISHED");
        assertThat(item.getString("submitterPublicName")).isEqualTo("陈*天");
        assertThat(item.getList("citedClauses", String.class)).containsExactly("（十一）");
        assertThat(item.get("letter", Document.class).getInteger("part")).isEqualTo(2);
        assertThat(item.getString("leadBureau")).isEqualTo("市科技创新局");
        assertThat(item.getString("reassignmentReason")).isEqualTo("主要涉及科技创新政策");
        assertThat(item.getString("outcome")).isEqualTo("采纳");
        assertThat(item.getString("reason")).isEqualTo("已在第（十一）条中增加。");
        assertThat(item.getString("outcomeClass")).isEqualTo("ACCEPTED");
        assertThat(item.getInteger("revisions")).isEqualTo(1);
        assertThat(item.getInteger("tableVersion")).isEqualTo(1);
        assertThat(item.getInteger("rowNumber")).isEqualTo(1);
        assertThat(item.getBoolean("submitterErased")).isTrue();
        assertThat(item.getList("chosenClauses", String.class)).containsExactly("（十一）");
        assertThat(item.getList("coBureaus", String.class)).containsExactly("市工业和信息化局");
        assertThat(item.getList(SubmissionProjection.AWAITING_CO_HANDLERS, String.class)).as("its co-handler gave its opinion").isEmpty();
        assertThat(item.getList("consideredOpinions", String.class)).containsExactly("市工业和信息化局");
        assertThat(item.get(BatchApplier.LAST_SEQUENCE, Number.class).longValue()).isEqualTo(7);

        assertThat(one(views, SubmissionProjection.COLLECTION, "golden-item-2").getString("state")).isEqualTo("WITHDRAWN");
        assertThat(one(views, SubmissionProjection.COLLECTION, "golden-item-3").getString("state")).isEqualTo("REJECTED");
        Document duplicate = one(views, SubmissionProjection.COLLECTION, "golden-item-4");
        assertThat(duplicate.getString("state")).isEqualTo("DUPLICATE");
        assertThat(duplicate.getString("duplicateOf")).isEqualTo("golden-item-1");

        Document row = views.collection(PublishedTableProjection.ROWS).find(Filters.eq("submissionId", "golden-item-1")).first();
        assertThat(row).isNotNull();
        assertThat(row.getString("decision")).isEqualTo("采纳。已在第（十一）条中增加。");
        assertThat(row.getInteger("version")).isEqualTo(1);
        assertThat(views.collection(PublishedTableProjection.TABLES).countDocuments())
                .as("only the complete version is public: the one under way is not").isEqualTo(1);
        assertThat(views.collection(HistoryProjection.COLLECTION).find(Filters.eq("type", "TablePublicationStarted")).first()
                .getString("summary")).isEqualTo("开始公开第2版采纳情况表，共2400条");
        assertThat(views.collection(HistoryProjection.COLLECTION).find(Filters.eq("type", "TablePublicationProgressed")).first()
                .getString("summary")).isEqualTo("第2版采纳情况表已公开1000条");
        assertThat(views.collection(PublishedTableProjection.TABLES).find().first().get("totals", Document.class))
                .containsEntry("采纳", 1);
        assertThat(views.collection(PublishedTableProjection.TABLES).find().first().get("outcomeClasses", Document.class))
                .isEqualTo(new Document("采纳", "ACCEPTED"));
        assertThat(views.collection(PublishedTableProjection.TABLES).find().first().getInteger("leftOutCount")).isEqualTo(1);
        assertThat(views.collection(PublishedTableProjection.TABLES).find().first().getList("leftOut", String.class))
                .containsExactly("golden-item-5");
        assertThat(views.collection(HistoryProjection.COLLECTION).countDocuments(Filters.eq("aggregateId", "golden-item-1")))
                .isEqualTo(8);
        Document opinion = views.collection(HistoryProjection.COLLECTION).find(Filters.eq("type", "CoHandlingOpinionGiven")).first();
        assertThat(opinion.getString("summary")).isEqualTo("市工业和信息化局 提出协办意见：建议明确自研能力的认定标准。");
        assertThat(opinion.getString("actorBureau")).isEqualTo("市工业和信息化局");

        // golden-item-6 joined golden-item-1's cluster, was proposed the cluster's decision, and was split off
        Document joined = one(views, SubmissionProjection.COLLECTION, "golden-item-6");
        assertThat(joined.getString("campaignClusterId")).as("split off: in no cluster").isEqualTo(SubmissionProjection.NO_CAMPAIGN);
        assertThat(joined.get(SubmissionProjection.PROPOSED_DECISION, Document.class).getString("decisionId")).isEqualTo("golden-item-1/1");
        Document cluster = one(views, CampaignClusterProjection.CLUSTERS, "golden-consultation|golden-item-1");
        assertThat(cluster.getString("representativeId")).isEqualTo("golden-item-1");
        assertThat(cluster.getList("memberIds", String.class)).containsExactlyInAnyOrder("golden-item-1", "golden-item-6");
        assertThat(cluster.getList("leftIds", String.class)).containsExactly("golden-item-6");
        assertThat(one(views, CampaignClusterProjection.BY_CONSULTATION, "golden-consultation").getList("clusterIds", String.class))
                .containsExactly("golden-item-1");
        assertThat(new CampaignClusters((LiveViews) views).of("golden-consultation")).as("one member left: no campaign").isEmpty();
        Document campaign = one(views, CampaignTermsProjection.COLLECTION, "campaign|golden-item-1");
        assertThat(campaign.getBoolean("confirmed")).isTrue();
        assertThat(campaign.getBoolean("applyDecisionsToJoiners")).isTrue();
        assertThat(campaign.get("decisions", Document.class).get("市工业和信息化局", Document.class).getString("outcome")).isEqualTo("采纳");
        assertThat(summaries(views, "golden-item-6")).hasSize(5).endsWith(
                "收到时归入同类意见组 golden-item-1（代表意见 golden-item-1，相似度 0.86）",
                "市工业和信息化局 对同类意见组 golden-item-1 的统一答复（golden-item-1/1）作为建议答复：采纳，已吸收。",
                "移出同类意见组 golden-item-1，并非同一模板");
        assertThat(summaries(views, "campaign|golden-item-1")).containsExactly(
                "确认同类意见组 golden-item-1；此后归入的同类意见直接采用其答复",
                "市工业和信息化局 统一答复同类意见组 golden-item-1（golden-item-1/1，2 条）：采纳，已吸收。");
    }

    private static List<String> summaries(Views views, String aggregateId) {
        List<String> summaries = new ArrayList<>();
        views.collection(HistoryProjection.COLLECTION).find(Filters.eq("aggregateId", aggregateId)).sort(new Document("sequence", 1))
                .forEach(d -> summaries.add(d.getString("summary")));
        return summaries;
    }

    private static EventEnvelope as(EventEnvelope event, String id, long sequence) {
        ObjectNode payload = event.payload().deepCopy();
        payload.put("submissionId", id);
        return new EventEnvelope(UUID.randomUUID().toString(), event.type(), event.version(), event.aggregateType(),
                id, sequence, event.occurredAt(), event.actor(), event.actorBureau(), event.correlationId(), payload);
    }

    private static EventEnvelope receivedAs(EventEnvelope received, String id) {
        ObjectNode payload = received.payload().deepCopy();
        payload.put("submissionId", id);
        return new EventEnvelope(UUID.randomUUID().toString(), received.type(), received.version(), received.aggregateType(),
                id, 0, received.occurredAt(), received.actor(), received.actorBureau(), received.correlationId(), payload);
    }

    private static Document one(Views views, String collection, String id) {
        Document document = views.collection(collection).find(Filters.eq("_id", id)).first();
        assertThat(document).as(collection + " " + id).isNotNull();
        return document;
    }
}
