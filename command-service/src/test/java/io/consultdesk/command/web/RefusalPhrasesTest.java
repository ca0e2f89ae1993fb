package io.consultdesk.command.web;

import io.consultdesk.command.campaign.CampaignRefused;
import io.consultdesk.command.consultation.ConsultationRefused;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.command.kernel.Refusal;
import io.consultdesk.command.kernel.SubmissionState;
import io.consultdesk.command.publication.UndecidedItems;
import io.consultdesk.command.submission.Decision;
import io.consultdesk.command.submission.SubmissionIdTaken;
import io.consultdesk.command.submission.SubmissionRefused;
import io.consultdesk.command.submission.UnknownConsultation;
import io.consultdesk.security.LocalizedProblems;
import io.consultdesk.security.ProblemErrorPages;
import io.consultdesk.security.ProblemPhrases;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregates' refusals as a caller reads them: a stable code whatever the language, the detail in Chinese by
 * default and in English when asked for. Each code's example is the refusal as the code writes it.
 */
class RefusalPhrasesTest {

    private static final String GXJ = "市工业和信息化局";
    private static final String KCJ = "市科技创新局";

    private final List<ProblemPhrases> phrases = List.of(new RefusalPhrases().refusalsInChinese(),
            new CommandProblemPhrases().commandServicePhrases(), new ProblemErrorPages().sharedProblemPhrases());
    private final ProblemHandler handler = new ProblemHandler();
    private final LocalizedProblems localized = new LocalizedProblems(phrases);

    /** Each code with a refusal as its code writes it, and its Chinese. */
    private static Map<String, Example> examples() {
        Map<String, Example> all = new LinkedHashMap<>();
        put(all, "state-does-not-allow", new SubmissionRefused("item s-1 is PUBLISHED and cannot be decided (allowed from [ASSIGNED, DECIDED])",
                SubmissionState.PUBLISHED), "意见 s-1 当前状态为“已公开”，不能答复（仅限办理中、已答复的意见）");
        put(all, "decide-other-bureau", new NotAllowed("item s-1 is led by " + KCJ + "; an official of " + GXJ + " may not decide it"),
                "意见 s-1 由" + KCJ + "主办，" + GXJ + "的工作人员不能答复");
        put(all, "decide-not-official", new NotAllowed("only a bureau official or a supervisor may decide"), "只有责任单位的工作人员或主管可以答复");
        put(all, "outcome-not-in-vocabulary", new SubmissionRefused("outcome '已采纳' is not one of [采纳, 部分采纳, 不采纳]", SubmissionState.ASSIGNED),
                "“已采纳”不是本征求意见稿的采纳情况用语（采纳、部分采纳、不采纳）");
        put(all, "co-opinion-other-bureau", new NotAllowed("item s-1 is co-handled by no bureau; an official of " + GXJ + " may not give its opinion"),
                "意见 s-1 没有协办单位，" + GXJ + "的工作人员不能提出协办意见");
        put(all, "co-opinion-not-official", new NotAllowed("only an official of a co-handling bureau gives a co-handling opinion"),
                "只有协办单位的工作人员可以提出协办意见");
        put(all, "co-opinion-text-missing", conflict("a co-handling opinion needs its text"), "协办意见须有内容");
        put(all, "reassign-not-supervisor", new NotAllowed("only a supervisor may reassign an item"), "只有主管可以改派意见");
        put(all, "reassign-reason-missing", conflict("a reassignment needs a reason"), "改派须说明理由");
        put(all, "reassign-lead-missing", conflict("a reassignment needs a lead bureau"), "改派须指定主办单位");
        put(all, "withdraw-not-clerk", new NotAllowed("a withdrawal is recorded by a clerk or a supervisor"), "撤回须由登记员或主管记录");
        put(all, "reject-not-clerk", new NotAllowed("only a clerk or a supervisor may reject an item as invalid"), "只有登记员或主管可以对意见不予受理");
        put(all, "rejection-reason-missing", conflict("a rejection needs a reason"), "不予受理须说明理由");
        put(all, "duplicate-not-clerk", new NotAllowed("only a clerk or a supervisor may mark a duplicate"), "只有登记员或主管可以标记重复意见");
        put(all, "duplicate-of-missing", conflict("name the submission this one duplicates"), "请指明与哪条意见重复");
        put(all, "duplicate-of-itself", conflict("a submission cannot duplicate itself"), "意见不能与自身重复");
        put(all, "register-not-clerk", new NotAllowed("only a clerk registers comments received by letter, e-mail or import"),
                "只有登记员可以登记来信、电子邮件或导入的意见");
        put(all, "import-not-clerk", new NotAllowed("only a clerk or a supervisor imports comments"), "只有登记员或主管可以导入意见");
        put(all, "import-decisions-not-supervisor", new NotAllowed("rows that carry a decision (采纳情况) are imported by a supervisor"),
                "含采纳情况的行须由主管导入");
        put(all, "submission-id-taken", new SubmissionIdTaken("s-1", List.of("opinion", "submitter")),
                "id 为“s-1”的意见已收到，但其 opinion、submitter 与此次不同；先收到的意见未作改动：请用新的 id 提交这条意见");
        Decision.UnknownOutcome unknown = new Decision.UnknownOutcome("已办结", List.of("采纳", "不采纳"));
        put(all, "unknown-outcome-word", new SubmissionRefused(unknown.getMessage().replace("{id}", "ai-2024"), null),
                "采纳情况“已办结”不以采纳情况用语开头：既不是本征求意见稿的用语（采纳、不采纳），也不是系统识别的用语（已采纳、是、否、已反馈、解释说明……）。"
                        + "请将该用语及其类别加入征求意见稿的用语表（PUT /api/consultations/ai-2024/outcomes "
                        + "[{\"word\":\"…\",\"class\":\"accepted|partly|not-accepted|explained\"}]）后重新导入");
        put(all, "reason-without-outcome", new SubmissionRefused("the row has a reason ('已吸收') but no outcome (采纳情况 is empty)", null),
                "该行有理由（“已吸收”）但没有采纳情况（采纳情况为空）");
        put(all, "consultation-closed", new ConsultationRefused("consultation ai-2024 is closed for new comments"), "征求意见稿 ai-2024 已截止，不再接收意见");
        put(all, "unknown-consultation", new UnknownConsultation("ai-2099"), "没有 id 为“ai-2099”的征求意见稿");
        put(all, "wrong-consultation", conflict("item s-1 belongs to consultation ai-2024"), "意见 s-1 属于征求意见稿 ai-2024");
        put(all, "publish-not-supervisor", new NotAllowed("only a supervisor may publish a consultation's table"), "只有主管可以公开采纳情况表");
        put(all, "publish-undecided-items", new UndecidedItems(List.of("s-2", "s-3"), 2), "还有 2 条意见尚未答复：请先答复，或指明不列入本版（s-2, s-3）");
        put(all, "publish-nothing-decided", new ConsultationRefused("consultation ai-2024 has no decided item to publish"),
                "征求意见稿 ai-2024 没有可以公开的已答复意见");
        put(all, "publish-row-number-clash", new ConsultationRefused("two imported rows keep the same 序号: 序号 3 is held by a and b; 序号 5 is held by "
                + "c and d. Withdraw or mark as duplicate all but one of each, then publish"),
                "导入的意见中有序号重复：序号 3 为 a、b；序号 5 为 c、d。每组只保留一条，其余撤回或标记为重复后再公开");
        put(all, "table-version-out-of-order", new ConsultationRefused("table version 3 does not follow 1"), "第 3 版不能接在第 1 版之后");
        put(all, "consultation-exists", new ConsultationRefused("a consultation with id 'ai-2024' exists already"), "id 为“ai-2024”的征求意见稿已存在");
        put(all, "consultation-title-missing", new ConsultationRefused("a consultation needs a title"), "征求意见稿须有标题");
        put(all, "consultation-drafting-unit-missing", new ConsultationRefused("a consultation needs a drafting unit (the triage desk)"),
                "征求意见稿须有起草单位（负责分办）");
        put(all, "consultation-already-closed", new ConsultationRefused("consultation ai-2024 is already closed"), "征求意见稿 ai-2024 已截止");
        put(all, "catalogue-not-supervisor", new NotAllowed("only a supervisor (or an administrator) may open a consultation or change its catalogue"),
                "只有主管（或管理员）可以发布征求意见稿或修改其条款目录");
        put(all, "vocabulary-not-supervisor", new NotAllowed("only an administrator or a supervisor may set a consultation's outcome vocabulary"),
                "只有管理员或主管可以设置征求意见稿的采纳情况用语");
        put(all, "close-not-supervisor", new NotAllowed("only an administrator or a supervisor may close a consultation"),
                "只有管理员或主管可以停止征求意见稿接收意见");
        put(all, "erase-not-auditor", new NotAllowed("only an auditor or an administrator may erase a submitter's personal data"),
                "只有审计员或管理员可以删除提交人的个人信息");
        put(all, "campaign-confirm-not-supervisor", new NotAllowed("only a supervisor may confirm a campaign"), "只有主管可以确认同类意见组");
        put(all, "campaign-decide-not-official", new NotAllowed("only a bureau official or a supervisor may decide a campaign"),
                "只有责任单位的工作人员或主管可以统一答复同类意见");
        put(all, "campaign-decide-other-bureau", new NotAllowed("an official of " + GXJ + " may not decide a campaign for " + KCJ),
                GXJ + "的工作人员不能代" + KCJ + "统一答复同类意见");
        put(all, "campaign-apply-not-allowed", new NotAllowed("only an official of the deciding bureau or a supervisor may apply a campaign decision"),
                "只有作出统一答复的单位的工作人员或主管可以将答复用于各条意见");
        put(all, "campaign-other-consultation", new CampaignRefused("campaign cluster s-1 belongs to consultation ai-2024"),
                "同类意见组 s-1 属于征求意见稿 ai-2024");
        put(all, "campaign-members-missing", new CampaignRefused("a campaign decision names the members it decides"), "统一答复须列出所答复的意见");
        put(all, "campaign-not-member", conflict("item s-2 is not in campaign cluster s-1 (it is in none)"),
                "意见 s-2 不在同类意见组 s-1 中（不属于任何同类意见组）");
        put(all, "campaign-already-member", conflict("item s-2 is in campaign cluster s-1 already"), "意见 s-2 已在同类意见组 s-1 中");
        put(all, "campaign-representative-stays", conflict("item s-1 is the representative of campaign cluster s-1 and stays in it: split the "
                + "other members off, or merge the cluster into another"), "意见 s-1 是同类意见组 s-1 的代表意见，不能移出：请移出其他意见，或将该组并入另一组");
        put(all, "campaign-regroup-reason-missing", conflict("a split or a merge needs a reason"), "拆分或合并同类意见组须说明理由");
        put(all, "campaign-regroup-not-supervisor", new NotAllowed("only a supervisor may split or merge campaign clusters"),
                "只有主管可以拆分或合并同类意见组");
        return all;
    }

    private record Example(Refusal refusal, String chinese) {
    }

    private static void put(Map<String, Example> all, String code, Refusal refusal, String chinese) {
        all.put(code, new Example(refusal, chinese));
    }

    private static Refusal conflict(String reason) {
        return new SubmissionRefused(reason, SubmissionState.ASSIGNED);
    }

    @Test
    void everyKindOfRefusalHasItsCodeAndReadsInChinese() {
        Map<String, Example> examples = examples();
        assertThat(examples.keySet()).as("an example of every code").containsExactlyInAnyOrderElementsOf(
                RefusalPhrases.REFUSALS.stream().map(RefusalPhrases.Said::code).collect(Collectors.toSet()));
        examples.forEach((code, example) -> {
            assertThat(RefusalPhrases.codeOf(example.refusal())).as(example.refusal().getMessage()).isEqualTo(code);
            assertThat(ProblemPhrases.chinese(example.refusal().getMessage(), phrases)).as(code).isEqualTo(example.chinese());
        });
    }

    /**
     * A refusal written as one literal in the main sources (new NotAllowed("…"), require(…, "…") and the like) is
     * one a phrase knows: a refusal added without its phrase would reach callers in English under a generic code.
     */
    @Test
    void everyRefusalWrittenAsOneLiteralIsKnown() throws IOException {
        Pattern thrown = Pattern.compile("new (?:NotAllowed|ConsultationRefused|SubmissionRefused)\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*[,)]");
        Pattern required = Pattern.compile("\\brequire(?:Text)?\\(([^;]*)\\);");
        Pattern lastLiteral = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                thrown.matcher(source).results().forEach(m -> literals.add(m.group(1)));
                required.matcher(source).results().forEach(m -> {
                    Matcher literal = lastLiteral.matcher(m.group(1));
                    if (literal.find()) {
                        literals.add(literal.group(1));
                    }
                });
            }
        }
        assertThat(literals).as("the scan finds the refusals").hasSizeGreaterThan(20);
        for (String literal : literals) {
            String message = literal.replace("\\\"", "\"");
            assertThat(RefusalPhrases.REFUSALS.stream().anyMatch(said -> said.english().matcher(message).matches()))
                    .as("a phrase for \"%s\"", message).isTrue();
        }
    }

    @Test
    void decidingAnItemLedByAnotherBureauIsRefusedInEitherLanguage() {
        NotAllowed refusal = new NotAllowed("item s-1 is led by " + KCJ + "; an official of " + GXJ + " may not decide it");

        ProblemDetail chinese = said(handler.handleDomain(refusal), "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(chinese.getStatus()).isEqualTo(403);
        assertThat(chinese.getProperties()).containsEntry("code", "decide-other-bureau");
        assertThat(chinese.getDetail()).isEqualTo("意见 s-1 由" + KCJ + "主办，" + GXJ + "的工作人员不能答复");

        ProblemDetail english = said(handler.handleDomain(refusal), "en-GB,en;q=0.9,zh;q=0.5");
        assertThat(english.getProperties()).containsEntry("code", "decide-other-bureau");
        assertThat(english.getDetail()).isEqualTo(refusal.getMessage());
    }

    @Test
    void aStaleVersionSaysTheCurrentOneInEitherLanguage() {
        ProblemDetail chinese = said(handler.handleDomain(new ConflictingAggregateVersionException("s-1", 2, 4)), null);
        assertThat(chinese.getStatus()).isEqualTo(409);
        assertThat(chinese.getProperties()).containsEntry("code", "stale-version").containsEntry("currentVersion", 4L);
        assertThat(chinese.getDetail()).as("no Accept-Language: Chinese").isEqualTo("expectedVersion 2 已过时：这条意见现为第 4 版，请刷新后重试");

        ProblemDetail english = said(handler.handleDomain(new ConflictingAggregateVersionException("s-1", 2, 4)), "en");
        assertThat(english.getProperties()).containsEntry("code", "stale-version");
        assertThat(english.getDetail()).isEqualTo("expectedVersion 2 is stale: the item is now at version 4; reload it and try again");
    }

    @Test
    void publishingWithUndecidedItemsNamesThemInEitherLanguage() {
        ProblemDetail chinese = said(handler.handleDomain(new UndecidedItems(List.of("s-2"), 1)), "zh");
        assertThat(chinese.getStatus()).isEqualTo(409);
        assertThat(chinese.getProperties()).containsEntry("code", "publish-undecided-items").containsEntry("undecided", List.of("s-2"));
        assertThat(chinese.getDetail()).isEqualTo("还有 1 条意见尚未答复：请先答复，或指明不列入本版（s-2）");

        ProblemDetail english = said(handler.handleDomain(new UndecidedItems(List.of("s-2"), 1)), "en");
        assertThat(english.getDetail()).isEqualTo("1 item(s) are not decided yet: decide them, or leave them out by name (s-2)");
    }

    @Test
    void aRefusalNoPhraseKnowsKeepsItsKindsCodeAndItsWords() {
        ProblemDetail problem = said(handler.handleDomain(new NotAllowed("a refusal written after these phrases")), "zh");
        assertThat(problem.getProperties()).containsEntry("code", "forbidden");
        assertThat(problem.getDetail()).isEqualTo("a refusal written after these phrases");
    }

    /** The problem as it leaves for a caller sending {@code acceptLanguage}. */
    private ProblemDetail said(ProblemDetail problem, String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/submissions/s-1/decision");
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        Object body = localized.beforeBodyWrite(problem, null, null, null, new ServletServerHttpRequest(request),
                new ServletServerHttpResponse(response));
        return (ProblemDetail) body;
    }
}
