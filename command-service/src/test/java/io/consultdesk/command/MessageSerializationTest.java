package io.consultdesk.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.consultdesk.command.campaign.SubmissionJoinedCampaign;
import io.consultdesk.command.consultation.ClauseCatalogueAmended;
import io.consultdesk.command.consultation.ConsultationClosed;
import io.consultdesk.command.consultation.ConsultationCommands;
import io.consultdesk.command.consultation.ConsultationOpened;
import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.OutcomeVocabularyAmended;
import io.consultdesk.command.consultation.OutcomeWord;
import io.consultdesk.command.consultation.TablePublicationProgressed;
import io.consultdesk.command.consultation.TablePublicationStarted;
import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.personaldata.SealedPersonalData;
import io.consultdesk.command.publication.PublishTable;
import io.consultdesk.command.publishedlanguage.EventName;
import io.consultdesk.command.publishedlanguage.PublishedEvents;
import io.consultdesk.command.routing.Clause;
import io.consultdesk.command.routing.Routing.RoutingBasis;
import io.consultdesk.command.submission.Channel;
import io.consultdesk.command.submission.Commands;
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
import io.consultdesk.command.submission.Submitter;
import io.consultdesk.command.submission.SubmitterErased;
import io.consultdesk.command.submission.SubmitterKind;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command and event survives a trip through JSON unchanged, and every event carries its revision. */
class MessageSerializationTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final Instant T = Instant.parse("2024-09-01T08:00:00Z");
    private static final Actor ACTOR = new Actor("clerk", "市工业和信息化局", Set.of("CLERK"));

    static Stream<Object> events() {
        List<Clause> clauses = List.of(new Clause("（三）", "二、强化算力普惠供给", "支持智算中心建设", List.of("市发展改革委")));
        return Stream.of(
                new SubmissionReceived("s", "c", SubmitterKind.PERSON, "陈*天", new SealedPersonalData("k", "abc"), "第（三）条",
                        Channel.LETTER, T, new LetterReference("L", 2), List.of("（三）"), List.of("二")),
                new SubmissionAssigned("s", "甲", List.of("乙"), List.of(new RoutingBasis("（三）", List.of("甲", "乙"))), false, 2, T, 15, T, "Europe/London"),
                new SubmissionReassigned("s", "乙", List.of(), "理由", T, T),
                new SubmissionDecided("s", "采纳", "理由", "甲", T, OutcomeClass.ACCEPTED),
                new SubmissionDecisionRevised("s", 1, "不采纳", "理由", "甲", T, OutcomeClass.NOT_ACCEPTED),
                new SubmissionPublished("s", "c", 1, 3, "陈*天", "意见", "采纳", "采纳。", T),
                new SubmissionWithdrawn("s", "撤回", T),
                new SubmissionRejected("s", "广告", T),
                new SubmissionMarkedDuplicate("s", "s0", "重复", T),
                new SubmitterErased("s", "k", "本人要求", T),
                new SubmissionJoinedCampaign("s", "c", "s0", "s0", 0.75, T),
                new TablePublished("c", 1, "社会公众意见采纳情况表", 55,
                        Map.of("采纳", 15), 1, List.of("s9"), T, Map.of("采纳", OutcomeClass.ACCEPTED)),
                new ConsultationOpened("c", "若干措施", "甲", LocalDate.parse("2024-09-16"), clauses, List.of("采纳"), 15, T, "Europe/Berlin"),
                new ConsultationOpened("c", "若干措施", "甲", null, clauses, List.of("是", "否"), 15, T, "Asia/Shanghai", false),
                new OutcomeVocabularyAmended("c", List.of(new OutcomeWord("是", OutcomeClass.ACCEPTED)), "t.csv", T),
                new ClauseCatalogueAmended("c", 2, clauses, T),
                new ConsultationClosed("c", T),
                new TablePublicationStarted("c", 2, "社会公众意见采纳情况表", 1_000_000, "supervisor", T),
                new TablePublicationProgressed("c", 2, 10_000, T));
    }

    static Stream<Object> commands() {
        return Stream.of(
                new Commands.ReceiveSubmission("s", "c", new Submitter("陈大天", SubmitterKind.PERSON, "x@y"), "意见",
                        Channel.WEB, T, null, ACTOR),
                new Commands.ReassignSubmission("s", "甲", List.of("乙"), "理由", 3L, T, ACTOR),
                new Commands.DecideSubmission("s", "采纳", "理由", null, T, ACTOR),
                new Commands.WithdrawSubmission("s", "撤回", null, T, ACTOR),
                new Commands.RejectSubmission("s", "广告", 1L, T, ACTOR),
                new Commands.MarkDuplicate("s", "s0", "重复", null, T, ACTOR),
                new Commands.PublishSubmission("s", "c", 1, 1, T, ACTOR),
                new Commands.EraseSubmitter("s", "本人要求", T, ACTOR),
                new Commands.ImportSubmission(new Commands.ReceiveSubmission("s", "c",
                        new Submitter("王五", SubmitterKind.PERSON, null), "意见", Channel.IMPORT, T, null, ACTOR), "是", "已在第八条中补充。", false),
                new PublishTable("c", Set.of("s2"), null, T, ACTOR),
                new ConsultationCommands.OpenConsultation("c", "若干措施", "甲", null, List.of(), List.of(), 15, "Asia/Shanghai", T, ACTOR),
                new ConsultationCommands.AmendClauseCatalogue("c", List.of(), T, ACTOR),
                new ConsultationCommands.CloseConsultation("c", T, ACTOR),
                new ConsultationCommands.StartTablePublication("c", 2, "社会公众意见采纳情况表", 55, T, ACTOR),
                new ConsultationCommands.RecordTablePublicationProgress("c", 2, 1_000, T, ACTOR),
                new ConsultationCommands.CompleteTablePublication("c", 2, 55, Map.of("采纳", 55), Map.of("采纳", OutcomeClass.ACCEPTED),
                        List.of("s9"), T, ACTOR));
    }

    @ParameterizedTest
    @MethodSource({"events", "commands"})
    void roundTripsThroughJson(Object message) throws Exception {
        Object back = JSON.readValue(JSON.writeValueAsBytes(message), message.getClass());
        assertThat(back).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventIsNamedInThePastTenseAndCarriesAStableNameAndARevision(Object event) {
        assertThat(event.getClass().getAnnotation(Revision.class)).as(event.getClass().getSimpleName()).isNotNull();
        assertThat(event.getClass().getAnnotation(EventName.class)).as(event.getClass().getSimpleName()).isNotNull();
        assertThat(PublishedEvents.get().nameOf(event.getClass())).contains(event.getClass().getAnnotation(EventName.class).value());
        assertThat(event.getClass().getSimpleName()).matches(".*(ed|Withdrawn|MarkedDuplicate|JoinedCampaign)$");
    }
}
