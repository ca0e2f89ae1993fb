package io.consultdesk.command.web;

import io.consultdesk.command.kernel.Refusal;
import io.consultdesk.command.kernel.SubmissionState;
import io.consultdesk.security.ProblemPhrases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every refusal the aggregates and their handlers make (409 for a command that does not fit, 403 for a role or a
 * bureau that may not, 404 for a consultation that does not exist), each with a stable {@code code} — what a
 * client tests, since the {@code detail} is said in the caller's language — and its Chinese. The refusals are
 * written in English where they arise, as every detail is, and recognised here by their whole text; one no phrase
 * knows keeps its kind's code ({@code conflict}, {@code forbidden}, {@code not-found}) and its English.
 */
@Configuration
public class RefusalPhrases {

    /** One kind of refusal: its code, the English the code writes, and how that reads in Chinese. */
    record Said(String code, Pattern english, Function<MatchResult, String> chinese) {
    }

    private static final Map<String, String> STATES = Map.of(
            SubmissionState.RECEIVED.name(), "已收到", SubmissionState.ASSIGNED.name(), "办理中",
            SubmissionState.DECIDED.name(), "已答复", SubmissionState.PUBLISHED.name(), "已公开",
            SubmissionState.WITHDRAWN.name(), "已撤回", SubmissionState.REJECTED.name(), "不予受理",
            SubmissionState.DUPLICATE.name(), "重复");

    /** What {@code Submission.requireState} says cannot be done, as the Chinese says it. */
    private static final Map<String, String> DOINGS = Map.of(
            "decided", "答复", "reassigned", "改派", "given a co-handling opinion", "提出协办意见", "published", "公开",
            "withdrawn", "撤回", "rejected", "不予受理", "marked duplicate", "标记为重复");

    static final List<Said> REFUSALS = List.of(
            // a command that does not fit the item's state, whichever command it is
            said("state-does-not-allow", "item (.+) is ([A-Z_]+) and cannot be (.+) \\(allowed from \\[(.*)\\]\\)",
                    m -> "意见 " + m.group(1) + " 当前状态为“" + state(m.group(2)) + "”，不能" + DOINGS.getOrDefault(m.group(3), m.group(3))
                            + "（仅限" + Arrays.stream(m.group(4).split(", ")).map(RefusalPhrases::state).collect(Collectors.joining("、"))
                            + "的意见）"),
            // deciding
            said("decide-other-bureau", "item (.+) is led by (.+); an official of (.+) may not decide it",
                    m -> "意见 " + m.group(1) + " 由" + m.group(2) + "主办，" + bureau(m.group(3)) + "的工作人员不能答复"),
            said("decide-not-official", "only a bureau official or a supervisor may decide", "只有责任单位的工作人员或主管可以答复"),
            said("outcome-not-in-vocabulary", "outcome '(.*)' is not one of \\[(.*)\\]",
                    m -> "“" + m.group(1) + "”不是本征求意见稿的采纳情况用语（" + m.group(2).replace(", ", "、") + "）"),
            // co-handling
            said("co-opinion-other-bureau", "item (.+) is co-handled by (.+); an official of (.+) may not give its opinion",
                    m -> "意见 " + m.group(1) + ("no bureau".equals(m.group(2)) ? " 没有协办单位" : " 的协办单位为" + m.group(2)) + "，"
                            + bureau(m.group(3)) + "的工作人员不能提出协办意见"),
            said("co-opinion-not-official", "only an official of a co-handling bureau gives a co-handling opinion",
                    "只有协办单位的工作人员可以提出协办意见"),
            said("co-opinion-text-missing", "a co-handling opinion needs its text", "协办意见须有内容"),
            // reassigning, withdrawing, rejecting, duplicates
            said("reassign-not-supervisor", "only a supervisor may reassign an item", "只有主管可以改派意见"),
            said("reassign-reason-missing", "a reassignment needs a reason", "改派须说明理由"),
            said("reassign-lead-missing", "a reassignment needs a lead bureau", "改派须指定主办单位"),
            said("withdraw-not-clerk", "a withdrawal is recorded by a clerk or a supervisor", "撤回须由登记员或主管记录"),
            said("reject-not-clerk", "only a clerk or a supervisor may reject an item as invalid", "只有登记员或主管可以对意见不予受理"),
            said("rejection-reason-missing", "a rejection needs a reason", "不予受理须说明理由"),
            said("duplicate-not-clerk", "only a clerk or a supervisor may mark a duplicate", "只有登记员或主管可以标记重复意见"),
            said("duplicate-of-missing", "name the submission this one duplicates", "请指明与哪条意见重复"),
            said("duplicate-of-itself", "a submission cannot duplicate itself", "意见不能与自身重复"),
            // receiving and importing
            said("register-not-clerk", "only a clerk registers comments received by letter, e-mail or import",
                    "只有登记员可以登记来信、电子邮件或导入的意见"),
            said("import-not-clerk", "only a clerk or a supervisor imports comments", "只有登记员或主管可以导入意见"),
            said("import-decisions-not-supervisor", "rows that carry a decision \\(采纳情况\\) are imported by a supervisor",
                    "含采纳情况的行须由主管导入"),
            said("submission-id-taken", "submission id '(.+)' was already received with a different (.+); the item received first is "
                    + "unchanged: send this comment under a new id",
                    m -> "id 为“" + m.group(1) + "”的意见已收到，但其 " + m.group(2).replace(", ", "、")
                            + " 与此次不同；先收到的意见未作改动：请用新的 id 提交这条意见"),
            said("unknown-outcome-word", "采纳情况 '(.*)' does not start with an outcome word: not one of the consultation's \\[(.*)\\] nor one "
                    + "ConsultDesk recognises .*\\(PUT (/api/consultations/.+/outcomes) (.*)\\) and import again",
                    m -> "采纳情况“" + m.group(1) + "”不以采纳情况用语开头：既不是本征求意见稿的用语（" + m.group(2).replace(", ", "、")
                            + "），也不是系统识别的用语（已采纳、是、否、已反馈、解释说明……）。请将该用语及其类别加入征求意见稿的用语表（PUT "
                            + m.group(3) + " " + m.group(4) + "）后重新导入"),
            said("reason-without-outcome", "the row has a reason \\('(.*)'\\) but no outcome \\(采纳情况 is empty\\)",
                    "该行有理由（“$1”）但没有采纳情况（采纳情况为空）"),
            said("consultation-closed", "consultation (.+) is closed for new comments", "征求意见稿 $1 已截止，不再接收意见"),
            said("unknown-consultation", "no consultation with id '(.+)'", "没有 id 为“$1”的征求意见稿"),
            said("wrong-consultation", "item (.+) belongs to consultation (.+)", "意见 $1 属于征求意见稿 $2"),
            // publishing
            said("publish-not-supervisor", "only a supervisor may publish( a consultation's table)?", "只有主管可以公开采纳情况表"),
            said("publish-undecided-items", "(\\d+) item\\(s\\) are not decided yet: decide them, or leave them out by name \\((.*)\\)",
                    "还有 $1 条意见尚未答复：请先答复，或指明不列入本版（$2）"),
            said("publish-nothing-decided", "consultation (.+) has no decided item to publish", "征求意见稿 $1 没有可以公开的已答复意见"),
            said("publish-row-number-clash", "two imported rows keep the same 序号: (.*)\\. Withdraw or mark as duplicate all but one of each, "
                    + "then publish",
                    m -> "导入的意见中有序号重复：" + m.group(1).replaceAll("序号 (\\d+) is held by ", "序号 $1 为 ").replace(" and ", "、")
                            .replace("; ", "；") + "。每组只保留一条，其余撤回或标记为重复后再公开"),
            said("table-version-out-of-order", "table version (\\d+) does not follow (\\d+)", "第 $1 版不能接在第 $2 版之后"),
            // campaigns
            said("campaign-confirm-not-supervisor", "only a supervisor may confirm a campaign", "只有主管可以确认同类意见组"),
            said("campaign-decide-not-official", "only a bureau official or a supervisor may decide a campaign",
                    "只有责任单位的工作人员或主管可以统一答复同类意见"),
            said("campaign-decide-other-bureau", "an official of (.+) may not decide a campaign for (.+)",
                    m -> bureau(m.group(1)) + "的工作人员不能代" + m.group(2) + "统一答复同类意见"),
            said("campaign-apply-not-allowed", "only an official of the deciding bureau or a supervisor may apply a campaign decision",
                    "只有作出统一答复的单位的工作人员或主管可以将答复用于各条意见"),
            said("campaign-other-consultation", "campaign cluster (.+) belongs to consultation (.+)", "同类意见组 $1 属于征求意见稿 $2"),
            said("campaign-members-missing", "a campaign decision names the members it decides", "统一答复须列出所答复的意见"),
            said("campaign-not-member", "item (.+) is not in campaign cluster (.+) \\(it is in (.+)\\)",
                    m -> "意见 " + m.group(1) + " 不在同类意见组 " + m.group(2) + " 中（"
                            + ("none".equals(m.group(3)) ? "不属于任何同类意见组" : "现属同类意见组 " + m.group(3)) + "）"),
            said("campaign-already-member", "item (.+) is in campaign cluster (.+) already", "意见 $1 已在同类意见组 $2 中"),
            said("campaign-representative-stays", "item (.+) is the representative of campaign cluster (.+) and stays in it: split the other "
                    + "members off, or merge the cluster into another", "意见 $1 是同类意见组 $2 的代表意见，不能移出：请移出其他意见，或将该组并入另一组"),
            said("campaign-regroup-reason-missing", "a split or a merge needs a reason", "拆分或合并同类意见组须说明理由"),
            said("campaign-regroup-not-supervisor", "only a supervisor may split or merge campaign clusters", "只有主管可以拆分或合并同类意见组"),
            // the consultation itself
            said("consultation-exists", "a consultation with id '(.+)' exists already", "id 为“$1”的征求意见稿已存在"),
            said("consultation-title-missing", "a consultation needs a title", "征求意见稿须有标题"),
            said("consultation-drafting-unit-missing", "a consultation needs a drafting unit \\(the triage desk\\)",
                    "征求意见稿须有起草单位（负责分办）"),
            said("consultation-already-closed", "consultation (.+) is already closed", "征求意见稿 $1 已截止"),
            said("catalogue-not-supervisor", "only a supervisor \\(or an administrator\\) may open a consultation or change its catalogue",
                    "只有主管（或管理员）可以发布征求意见稿或修改其条款目录"),
            said("vocabulary-not-supervisor", "only an administrator or a supervisor may set a consultation's outcome vocabulary",
                    "只有管理员或主管可以设置征求意见稿的采纳情况用语"),
            said("close-not-supervisor", "only an administrator or a supervisor may close a consultation",
                    "只有管理员或主管可以停止征求意见稿接收意见"),
            said("erase-not-auditor", "only an auditor or an administrator may erase a submitter's personal data",
                    "只有审计员或管理员可以删除提交人的个人信息"));

    /** The refusal's code: its kind of refusal's, or its HTTP meaning's when no phrase knows its text. */
    static String codeOf(Refusal refusal) {
        String message = refusal.getMessage() == null ? "" : refusal.getMessage();
        for (Said said : REFUSALS) {
            if (said.english().matcher(message).matches()) {
                return said.code();
            }
        }
        return switch (refusal.kind()) {
            case CONFLICT -> "conflict";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
        };
    }

    @Bean
    public ProblemPhrases refusalsInChinese() {
        Map<String, Function<MatchResult, String>> phrases = new LinkedHashMap<>();
        REFUSALS.forEach(said -> phrases.put(said.english().pattern(), said.chinese()));
        return ProblemPhrases.saying(phrases);
    }

    private static Said said(String code, String english, String chinese) {
        return said(code, english, m -> ProblemPhrases.withGroups(chinese, m));
    }

    private static Said said(String code, String english, Function<MatchResult, String> chinese) {
        return new Said(code, Pattern.compile(english, Pattern.DOTALL), chinese);
    }

    private static String state(String name) {
        return STATES.getOrDefault(name, name);
    }

    private static String bureau(String name) {
        return "no bureau".equals(name) ? "无所属单位" : name;
    }
}
