package io.consultdesk.query.audit;

import io.consultdesk.query.submission.OutcomeClasses;

import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.presentation.ClauseOrder;
import io.consultdesk.query.presentation.LocalTimes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line in Chinese saying what an event was, with its reasons, for the audit timeline; times in it are local
 * times of the consultation's zone, lists joined as text.
 */
final class TimelineText {

    private TimelineText() {
    }

    static String summary(EventEnvelope e, LocalTimes times) {
        return switch (e.type()) {
            case "SubmissionReceived" -> "收到意见（" + e.text("channel") + "），反馈单位或个人：" + e.text("submitterPublicName")
                    + cited(e);
            case "SubmissionAssigned" -> (e.payload().path("triage").asBoolean() ? "无可依据的责任单位，交起草单位分办：" : "按引用条款分办：")
                    + e.text("leadBureau") + co(e) + basis(e) + "；办理时限 " + local(e, "dueAt", times);
            case "SubmissionReassigned" -> "改派至 " + e.text("leadBureau") + co(e) + "，理由：" + e.text("reason")
                    + (e.payload().has("awaitedOpinions") ? awaited(e, "awaitedOpinions") : "");
            case "SubmissionDecided" -> e.text("decidedByBureau") + " 作出采纳情况：" + e.text("outcome") + reason(e) + considered(e)
                    + byCampaign(e);
            case "SubmissionDecisionRevised" -> e.text("decidedByBureau") + " 第" + e.payload().path("revision").asInt()
                    + "次修改采纳情况：" + e.text("outcome") + reason(e) + considered(e) + byCampaign(e);
            case "CoHandlingOpinionGiven" -> e.text("bureau") + " 提出协办意见：" + e.text("opinion") + awaited(e, "stillAwaited");
            case "SubmissionPublished" -> "在第" + e.payload().path("tableVersion").asInt() + "版采纳情况表中公开，序号 "
                    + e.payload().path("rowNumber").asInt();
            case "SubmissionWithdrawn" -> "反馈人撤回" + reason(e);
            case "SubmissionRejected" -> "作为无效意见不予受理" + reason(e);
            case "SubmissionMarkedDuplicate" -> "与 " + e.text("duplicateOf") + " 重复" + reason(e);
            case "SubmitterErased" -> "删除反馈人个人信息" + reason(e);
            case "SubmissionJoinedCampaign" -> "收到时归入同类意见组 " + e.text("clusterId") + "（代表意见 " + e.text("representativeId")
                    + "，相似度 " + String.format(Locale.ROOT, "%.2f", e.payload().path("similarity").asDouble()) + "）";
            case "SubmissionRegrouped" -> (e.text("toClusterId") == null ? "移出同类意见组 " + e.text("fromClusterId")
                    : "由同类意见组 " + e.text("fromClusterId") + " 并入同类意见组 " + e.text("toClusterId")) + reason(e);
            case "SubmissionDecisionProposed" -> e.text("proposedByBureau") + " 对同类意见组 " + e.text("clusterId") + " 的统一答复（"
                    + e.text("decisionId") + "）作为建议答复：" + e.text("outcome") + reason(e);
            case "CampaignConfirmed" -> "确认同类意见组 " + e.text("clusterId") + (e.payload().path("applyDecisionsToJoiners").asBoolean()
                    ? "；此后归入的同类意见直接采用其答复" : "；此后归入的同类意见仅作建议答复");
            case "CampaignDecided" -> e.text("bureau") + " 统一答复同类意见组 " + e.text("clusterId") + "（" + e.text("decisionId") + "，"
                    + e.payload().path("memberCount").asInt() + " 条）：" + e.text("outcome") + reason(e);
            case "ConsultationOpened" -> "发布征求意见稿：" + e.text("title") + "，起草单位 " + e.text("draftingUnit");
            case "ClauseCatalogueAmended" -> "条款目录更新为第" + e.payload().path("version").asInt() + "版";
            case "ConsultationClosed" -> "停止接收意见";
            case "OutcomeVocabularyAmended" -> "采纳情况用语更新为：" + OutcomeClasses.words(e.payload().get("outcomes"))
                    + (e.text("adoptedFrom") == null || e.text("adoptedFrom").isEmpty() ? "" : "（导入 " + e.text("adoptedFrom") + " 时采用）");
            case "TablePublicationStarted" -> "开始公开第" + e.payload().path("version").asInt() + "版采纳情况表，共"
                    + e.payload().path("expectedRows").asInt() + "条";
            case "TablePublicationProgressed" -> "第" + e.payload().path("version").asInt() + "版采纳情况表已公开"
                    + e.payload().path("rowsPublished").asInt() + "条";
            case "TablePublished" -> "公开第" + e.payload().path("version").asInt() + "版采纳情况表，共"
                    + e.payload().path("rowCount").asInt() + "条";
            default -> e.type();
        };
    }

    private static String local(EventEnvelope e, String field, LocalTimes times) {
        String iso = e.text(field);
        return iso == null ? "" : times.format(Instant.parse(iso));
    }

    private static String cited(EventEnvelope e) {
        List<String> clauses = new ArrayList<>();
        e.payload().path("citedClauses").forEach(c -> clauses.add(c.asText()));
        List<String> chosen = texts(e, "chosenClauses");
        String on = chosen.isEmpty() ? "" : "；就条款 " + String.join("、", chosen) + " 提出";
        return on + (clauses.isEmpty() ? (chosen.isEmpty() ? "；未引用条款" : "") : "；引用条款 " + String.join("、", ClauseOrder.sorted(clauses)));
    }

    private static List<String> texts(EventEnvelope e, String field) {
        List<String> values = new ArrayList<>();
        e.payload().path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String byCampaign(EventEnvelope e) {
        String decision = e.text("campaignDecisionId");
        return decision == null || decision.isEmpty() ? "" : "（按同类意见统一答复 " + decision + "）";
    }

    private static String considered(EventEnvelope e) {
        List<String> bureaus = texts(e, "consideredOpinions");
        return bureaus.isEmpty() ? "" : "；参考了 " + String.join("、", bureaus) + " 的协办意见";
    }

    private static String awaited(EventEnvelope e, String field) {
        List<String> bureaus = texts(e, field);
        return bureaus.isEmpty() ? "" : "；待 " + String.join("、", bureaus) + " 提出协办意见";
    }

    private static String co(EventEnvelope e) {
        List<String> co = new ArrayList<>();
        e.payload().path("coBureaus").forEach(c -> co.add(c.asText()));
        return co.isEmpty() ? "" : "（会办：" + String.join("、", co) + "）";
    }

    private static String basis(EventEnvelope e) {
        List<String> lines = new ArrayList<>();
        e.payload().path("basis").forEach(b -> {
            List<String> units = new ArrayList<>();
            b.path("units").forEach(u -> units.add(u.asText()));
            lines.add(b.path("clause").asText() + "→" + (units.isEmpty() ? "责任单位未知" : String.join("、", units)));
        });
        return lines.isEmpty() ? "" : "；依据 " + String.join("；", lines);
    }

    private static String reason(EventEnvelope e) {
        String reason = e.text("reason");
        return reason == null || reason.isBlank() ? "" : "，" + reason.replaceFirst("^[，。,.]", "");
    }
}
