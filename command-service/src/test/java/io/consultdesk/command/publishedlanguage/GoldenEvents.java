package io.consultdesk.command.publishedlanguage;

import io.consultdesk.command.campaign.CampaignCommands;
import io.consultdesk.command.campaign.CampaignConfirmed;
import io.consultdesk.command.campaign.CampaignDecided;
import io.consultdesk.command.campaign.SubmissionDecisionProposed;
import io.consultdesk.command.campaign.SubmissionJoinedCampaign;
import io.consultdesk.command.campaign.SubmissionRegrouped;
import io.consultdesk.command.consultation.ClauseCatalogueAmended;
import io.consultdesk.command.consultation.ConsultationClosed;
import io.consultdesk.command.consultation.ConsultationOpened;
import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.OutcomeVocabularyAmended;
import io.consultdesk.command.consultation.OutcomeWord;
import io.consultdesk.command.consultation.TablePublicationProgressed;
import io.consultdesk.command.consultation.TablePublicationStarted;
import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.personaldata.SealedPersonalData;
import io.consultdesk.command.routing.Clause;
import io.consultdesk.command.routing.Routing.RoutingBasis;
import io.consultdesk.command.submission.Channel;
import io.consultdesk.command.submission.CoHandlingOpinionGiven;
import io.consultdesk.command.submission.LetterReference;
import io.consultdesk.command.submission.SubmissionAssigned;
import io.consultdesk.command.submission.SubmissionDecided;
import io.consultdesk.command.submission.SubmissionDecisionRevised;
import io.consultdesk.command.submission.SubmissionMarkedDuplicate;
import io.consultdesk.command.submission.SubmissionPublished;
import io.consultdesk.command.submission.SubmissionReassigned;
import io.consultdesk.command.submission.SubmissionReceived;
import io.consultdesk.command.submission.SubmissionRejected;
import io.consultdesk.command.submission.SubmissionWithdrawn;
import io.consultdesk.command.submission.SubmitterErased;
import io.consultdesk.command.submission.SubmitterKind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One example of every event, as a consultation and its items would record them: the golden files are
 * these events as they go on the wire. Each aggregate's events form a story its readers can replay.
 */
final class GoldenEvents {

    static final String CONSULTATION = "golden-consultation";
    static final String ITEM = "golden-item-1";
    private static final Instant T = Instant.parse("2024-09-02T01:30:00Z");
    private static final List<Clause> CLAUSES = List.of(
            new Clause("（十一）", "三、推动产业集聚发展", "支持企业自研人工智能能力", List.of("市工业和信息化局", "市科技创新局"),
                    "支持具有自研人工智能能力的企业开展技术攻关。"),
            new Clause("（十五）", "四、拓展应用场景", "", List.of()));

    private GoldenEvents() {
    }

    /** Every example, in the order a reader would receive them. */
    static List<DomainEventMessage<?>> all() {
        return List.of(
                consultation(0, new ConsultationOpened(CONSULTATION, "深圳市打造人工智能先锋城市的若干措施（征求意见稿）", "市工业和信息化局",
                        LocalDate.parse("2024-09-16"), CLAUSES.subList(0, 1), List.of("采纳", "部分采纳", "不采纳"), 15, T, "Asia/Shanghai")),
                consultation(1, new ClauseCatalogueAmended(CONSULTATION, 2, CLAUSES, T.plusSeconds(60))),
                item(ITEM, 0, new SubmissionReceived(ITEM, CONSULTATION, SubmitterKind.PERSON, "陈*天",
                        new SealedPersonalData("key-1", "c2VhbGVk"), "第（十一）条建议增加对具有自研人工智能能力企业的支持。",
                        Channel.LETTER, T.plusSeconds(120), new LetterReference("letter-7", 2), List.of("（十一）"), List.of(),
                        null, null, List.of("（十一）"))),
                item(ITEM, 1, new SubmissionAssigned(ITEM, "市工业和信息化局", List.of("市科技创新局"),
                        List.of(new RoutingBasis("（十一）", List.of("市工业和信息化局", "市科技创新局"))), false, 2,
                        T.plusSeconds(120), 15, Instant.parse("2024-09-23T15:59:59Z"), "Asia/Shanghai")),
                item(ITEM, 2, new SubmissionReassigned(ITEM, "市科技创新局", List.of("市工业和信息化局"), "主要涉及科技创新政策", T.plusSeconds(3600),
                        Instant.parse("2024-09-24T15:59:59Z"), List.of("市工业和信息化局"))),
                message("Submission", ITEM, 3, new CoHandlingOpinionGiven(ITEM, "市工业和信息化局", "建议明确自研能力的认定标准。",
                        T.plusSeconds(7200), List.of()), "official-gxj", "市工业和信息化局"),
                item(ITEM, 4, new SubmissionDecided(ITEM, "部分采纳", "已在操作规程中明确。", "市科技创新局", T.plusSeconds(86_400),
                        OutcomeClass.PARTLY, List.of("市工业和信息化局"))),
                item(ITEM, 5, new SubmissionDecisionRevised(ITEM, 1, "采纳", "已在第（十一）条中增加。", "市科技创新局", T.plusSeconds(90_000),
                        OutcomeClass.ACCEPTED, List.of("市工业和信息化局"))),
                consultation(2, new TablePublished(CONSULTATION, 1, "社会公众意见采纳情况表", 1,
                        new TreeMap<>(Map.of("采纳", 1)), 1, List.of("golden-item-5"), T.plusSeconds(172_800),
                        Map.of("采纳", OutcomeClass.ACCEPTED))),
                item(ITEM, 6, new SubmissionPublished(ITEM, CONSULTATION, 1, 1, "陈*天", "第（十一）条建议增加对具有自研人工智能能力企业的支持。",
                        "采纳", "采纳。已在第（十一）条中增加。", T.plusSeconds(172_800))),
                item(ITEM, 7, new SubmitterErased(ITEM, "key-1", "本人要求删除个人信息", T.plusSeconds(200_000))),
                consultation(3, new ConsultationClosed(CONSULTATION, T.plusSeconds(259_200))),
                consultation(4, new OutcomeVocabularyAmended(CONSULTATION, List.of(new OutcomeWord("采纳", OutcomeClass.ACCEPTED),
                        new OutcomeWord("部分采纳", OutcomeClass.PARTLY), new OutcomeWord("不采纳", OutcomeClass.NOT_ACCEPTED),
                        new OutcomeWord("已反馈", OutcomeClass.EXPLAINED)), "采纳情况表.docx", T.plusSeconds(300_000))),
                item("golden-item-2", 1, new SubmissionWithdrawn("golden-item-2", "提交人撤回", T.plusSeconds(7200))),
                item("golden-item-3", 1, new SubmissionRejected("golden-item-3", "与征求意见稿无关的广告", T.plusSeconds(7200))),
                item("golden-item-4", 1, new SubmissionMarkedDuplicate("golden-item-4", ITEM, "与第1条意见相同", T.plusSeconds(7200))),
                // received and assigned (sequences 0 and 1) in the unit of work that found it a near-copy of the first item
                message("Submission", "golden-item-6", 2, new SubmissionJoinedCampaign("golden-item-6", CONSULTATION, ITEM, ITEM,
                        0.859375, T.plusSeconds(9000)), "clerk", ""),
                // the cluster confirmed and decided once by its lead bureau; the member led by another bureau is proposed
                // the decision, and later split off the cluster
                message("Campaign", CampaignCommands.campaignId(ITEM), 0, new CampaignConfirmed(ITEM, CONSULTATION, true,
                        T.plusSeconds(9100)), "supervisor", ""),
                message("Campaign", CampaignCommands.campaignId(ITEM), 1, new CampaignDecided(ITEM, CONSULTATION, ITEM + "/1",
                        "市工业和信息化局", "采纳", OutcomeClass.ACCEPTED, "已吸收。", 2, T.plusSeconds(9200)),
                        "official-gxj", "市工业和信息化局"),
                message("Submission", "golden-item-6", 3, new SubmissionDecisionProposed("golden-item-6", ITEM, ITEM + "/1",
                        "市工业和信息化局", "采纳", OutcomeClass.ACCEPTED, "已吸收。", T.plusSeconds(9200)), "official-gxj", "市工业和信息化局"),
                message("Submission", "golden-item-6", 4, new SubmissionRegrouped("golden-item-6", CONSULTATION, ITEM, null, null,
                        "并非同一模板", T.plusSeconds(9300)), "supervisor", ""),
                // a second version begun and under way: not public until its TablePublished
                consultation(5, new TablePublicationStarted(CONSULTATION, 2, "社会公众意见采纳情况表（第二版）", 2_400, "supervisor",
                        T.plusSeconds(400_000))),
                consultation(6, new TablePublicationProgressed(CONSULTATION, 2, 1_000, T.plusSeconds(400_060))));
    }

    private static DomainEventMessage<?> consultation(long sequence, Object payload) {
        return message("Consultation", CONSULTATION, sequence, payload, "supervisor", "");
    }

    private static DomainEventMessage<?> item(String id, long sequence, Object payload) {
        return message("Submission", id, sequence, payload, "official-kcj", "市科技创新局");
    }

    /** The moment the event records (its payload's {@code …At}), which is also when it was stored. */
    private static Instant timestampOf(Object payload) {
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getType() == Instant.class && component.getName().endsWith("At") && !component.getName().equals("dueAt")) {
                try {
                    return (Instant) component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(payload.getClass() + " records no moment");
    }

    private static DomainEventMessage<?> message(String aggregateType, String id, long sequence, Object payload,
                                                 String actor, String bureau) {
        String eventId = UUID.nameUUIDFromBytes((id + "/" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
        MetaData metaData = MetaData.with("actor", actor).and("actorBureau", bureau).and("correlationId", "corr-" + id);
        return new GenericDomainEventMessage<>(aggregateType, id, sequence, payload, metaData, eventId, timestampOf(payload));
    }
}
