package io.consultdesk.system;

import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's work done in a real headless browser, through the pages' forms (which query-service forwards to
 * command-service): an official decides from the inbox and is told when someone decided meanwhile; a co-handling
 * bureau gives its opinion and the lead takes it into account; a supervisor reassigns and publishes; a clerk
 * registers a letter and imports a table; a member of the public comments on a clause. A test that fails leaves
 * a screenshot of the page under {@code target/page-failures/}.
 */
class DeskPagesIT {

    private static final String GXJ = "市工业和信息化局";
    private static final String KCJ = "市科技创新局";

    private static Api api;
    private static String queryUrl;
    private static String consultation;
    private static HeadlessChromium browser;

    @RegisterExtension
    static final ScreenshotOnFailure SCREENSHOTS = new ScreenshotOnFailure(() -> browser, "desk-");

    @BeforeAll
    static void consultationAndBrowser() throws Exception {
        Stack stack = Stack.on(Infrastructure.EMBEDDED);
        api = stack.api();
        queryUrl = stack.services().queryUrl();
        consultation = ownConsultation();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** A comment from the public, received and routed on the read side; returns its id. */
    private static String comment(String consultationId, String opinion) {
        String id = "desk-" + UUID.randomUUID();
        Api.Reply sent = api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"陈大天","kind":"PERSON"},"opinion":"%s"}"""
                .formatted(id, consultationId, opinion));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        awaitState(id, "ASSIGNED");
        return id;
    }

    /** A fresh consultation with the seed's catalogue, once the read side has it. */
    private static String ownConsultation() {
        String id = Fixtures.openConsultation(api);
        api.awaitQuery("supervisor", "/api/consultations/" + id,
                r -> r.status() == 200 && r.json().path("chapters").size() > 0, Duration.ofSeconds(20));
        return id;
    }

    private static void awaitState(String id, String state) {
        api.awaitQuery("supervisor", "/api/submissions/" + id,
                r -> r.status() == 200 && state.equals(r.json().path("state").asText()), Duration.ofSeconds(20));
    }

    private static String text(String selector) throws Exception {
        return browser.text("document.querySelector(" + quote(selector) + ").textContent");
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void anOfficialDecidesFromTheInboxAndIsToldWhenSomeoneDecidedMeanwhile() throws Exception {
        String item = comment(consultation, "第（十一）条建议扩大示范应用范围。");
        browser.signInAs("official-gxj", Api.PASSWORD);
        browser.open(queryUrl + "/inbox");
        String row = "#lead-items tr.item[data-id=\"" + item + "\"]";
        assertThat(text(row + " mark")).as("the cited clause is marked").isEqualTo("（十一）");
        assertThat(text(row)).contains("（十一）→" + GXJ);
        browser.click(row + " a");
        assertThat(browser.text("location.pathname")).isEqualTo("/items/" + item);
        browser.fill("#f-outcome", "部分采纳");
        browser.fill("#f-reason", "已在实施细则中明确。");
        browser.click("#decide button[type=submit]");
        assertThat(text("#notice")).isEqualTo("采纳情况已保存");
        assertThat(text("#summary-outcome")).isEqualTo("部分采纳");
        assertThat(text("#summary-reason")).isEqualTo("已在实施细则中明确。");
        // decided, not yet published: still in the inbox, to be revised
        browser.open(queryUrl + "/inbox");
        browser.click("#decided-items tr.item[data-id=\"" + item + "\"] a");
        assertThat(text("#decide legend")).isEqualTo("修改采纳情况");
        browser.fill("#f-outcome", "采纳");
        browser.click("#decide button[type=submit]");
        assertThat(text("#summary-outcome")).isEqualTo("采纳");
        assertThat(text("#timeline")).contains("第1次修改采纳情况：采纳");

        // the page holds the version it showed: a decision recorded meanwhile makes this one stale
        String other = comment(consultation, "第（十一）条建议增加对中小企业的支持。");
        browser.open(queryUrl + "/items/" + other);
        Api.Reply meanwhile = api.command("supervisor", "POST", "/api/submissions/" + other + "/decision",
                "{\"outcome\":\"不采纳\",\"reason\":\"另有安排。\"}");
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);
        awaitState(other, "DECIDED");
        browser.fill("#f-outcome", "采纳");
        browser.click("#decide button[type=submit]");
        assertThat(text("#notice")).contains("supervisor", "另行答复", "不采纳", "重新加载");
        assertThat(browser.text("document.querySelector('#notice').getAttribute('role')")).isEqualTo("alert");
        assertThat(browser.text("document.querySelector('#f-outcome').value")).as("what was entered is kept").isEqualTo("采纳");
    }

    @Test
    void aCoHandlingBureauGivesItsOpinionAndTheLeadTakesItIntoAccount() throws Exception {
        String item = comment(consultation, "对第（二十五）条：建议明确具身智能机器人的应用场景。");
        browser.signInAs("supervisor", Api.PASSWORD);
        browser.open(queryUrl + "/dashboard?consultation=" + consultation);
        int waiting = Integer.parseInt(text("#card-awaiting-co-handlers b"));
        assertThat(waiting).isPositive();

        browser.signInAs("official-kcj", Api.PASSWORD);
        browser.open(queryUrl + "/inbox");
        browser.click("#co-items tr.item[data-id=\"" + item + "\"] a");
        assertThat(browser.evaluate("document.querySelector('#decide') === null")).as("a co-handler does not decide").isEqualTo(true);
        browser.fill("#f-opinion", "建议补充算力支持的衔接。");
        browser.click("#co-opinion button[type=submit]");
        assertThat(text("#notice")).isEqualTo("协办意见已保存");
        assertThat(text("#co-opinions tr.co-opinion[data-bureau=\"" + KCJ + "\"]")).contains("建议补充算力支持的衔接。", "official-kcj");

        browser.signInAs("supervisor", Api.PASSWORD);
        browser.open(queryUrl + "/dashboard?consultation=" + consultation);
        assertThat(Integer.parseInt(text("#card-awaiting-co-handlers b"))).isEqualTo(waiting - 1);

        browser.signInAs("official-gxj", Api.PASSWORD);
        browser.open(queryUrl + "/items/" + item);
        assertThat(text("#co-opinions")).contains("建议补充算力支持的衔接。");
        assertThat(browser.evaluate("document.querySelector('#decide input[name=consideredOpinions][value=\"" + KCJ + "\"]').checked"))
                .isEqualTo(true);
        browser.fill("#f-outcome", "采纳");
        browser.fill("#f-reason", "已吸收协办单位意见。");
        browser.click("#decide button[type=submit]");
        assertThat(text("#notice")).isEqualTo("采纳情况已保存");
        assertThat(text("#timeline")).contains(KCJ + " 提出协办意见：建议补充算力支持的衔接。", "参考了 " + KCJ + " 的协办意见");
    }

    @Test
    void aSupervisorReassignsAnItemAndPublishesWithAPreview() throws Exception {
        String own = ownConsultation();
        String decided = comment(own, "第（十一）条建议增加算力补贴。");
        String undecided = comment(own, "第（十一）条建议延长申报期限。");
        assertThat(api.command("official-gxj", "POST", "/api/submissions/" + decided + "/decision",
                "{\"outcome\":\"采纳\",\"reason\":\"已采纳。\"}").status()).isEqualTo(200);
        awaitState(decided, "DECIDED");
        browser.signInAs("supervisor", Api.PASSWORD);

        browser.open(queryUrl + "/items/" + undecided);
        browser.fill("#f-leadBureau", KCJ);
        browser.fill("#f-assignmentReason", "涉及科技创新政策。");
        browser.click("#reassign button[type=submit]");
        assertThat(text("#notice")).isEqualTo("已改派");
        assertThat(text("#summary-lead")).isEqualTo(KCJ);
        assertThat(text("#timeline")).contains("改派至 " + KCJ, "涉及科技创新政策。");

        browser.open(queryUrl + "/consultations/" + own);
        browser.click("#action-publish");
        assertThat(browser.evaluate("document.querySelectorAll('#preview tr.row').length")).isEqualTo(1);
        assertThat(text("#preview tr.row")).contains("陈*天", "第（十一）条建议增加算力补贴。", "采纳", "已采纳。");
        assertThat(text("#publish .undecided[data-id=\"" + undecided + "\"]")).contains(KCJ);
        browser.click("#publish button[type=submit]");
        assertThat(text("#notice")).as("an undecided item refuses the publication").contains("1 条意见尚未答复");
        browser.evaluate("document.querySelector('#publish .undecided[data-id=\"" + undecided + "\"] input').checked = true");
        browser.click("#publish button[type=submit]");
        assertThat(text("#notice")).isEqualTo("第1版采纳情况表已公开");
        browser.click("#published-table");
        assertThat(browser.text("document.body.textContent")).contains("第（十一）条建议增加算力补贴。").doesNotContain("延长申报期限");
    }

    @Test
    void anyoneComparesTwoPublishedVersionsFromTheTableOrTheConsultationsPage() throws Exception {
        String own = ownConsultation();
        String first = comment(own, "第（十一）条建议增加算力补贴。");
        String second = comment(own, "第（十一）条建议延长申报期限。");
        decideAndPublish(own, first, "不采纳", "已有规定。", second, 1);
        decideAndPublish(own, second, "采纳", "将延长申报期限。", null, 2);

        browser.signOut();
        browser.open(queryUrl + "/api/consultations/" + own + "/table?format=html&version=2");
        browser.click("#compare-previous");
        assertThat(browser.text("location.pathname + location.search")).isEqualTo("/public/consultations/" + own + "/comparison?from=1&to=2");
        assertThat(text("#comparison-heading")).isEqualTo("第1版与第2版对比");
        assertThat(text("#comparison-summary")).isEqualTo("新增 1 条，删除 0 条，修改 0 条，仅序号变化 0 条。");
        assertThat(text("#added tr.change[data-id=\"" + second + "\"]")).contains("2", "陈*天", "延长申报期限", "采纳，将延长申报期限。");

        // the versions are chosen in a plain form: the same one twice is said on the page, and the choice stays in the address
        browser.fill("#f-from", "2");
        browser.click("#choose-versions button[type=submit]");
        assertThat(browser.text("location.search")).isEqualTo("?from=2&to=2");
        assertThat(text("#notice")).isEqualTo("请选择两个不同的已公开版本。");
        browser.click("a[lang=en]");
        assertThat(text("#notice")).isEqualTo("Choose two different published versions.");

        browser.signInAs("supervisor", Api.PASSWORD);
        browser.open(queryUrl + "/consultations/" + own);
        browser.click("#compare-versions");
        assertThat(text("#comparison-heading")).as("the latest against the one before").isEqualTo("第1版与第2版对比");
    }

    /** The item decided by its lead bureau, then the table published (leaving out {@code leaveOut}) and on the read side. */
    private static void decideAndPublish(String consultationId, String item, String outcome, String reason, String leaveOut, int version) {
        Api.Reply decided = api.command("official-gxj", "POST", "/api/submissions/" + item + "/decision",
                "{\"outcome\":\"" + outcome + "\",\"reason\":\"" + reason + "\"}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        awaitState(item, "DECIDED");
        Api.Reply published = api.command("supervisor", "POST", "/api/consultations/" + consultationId + "/publication",
                leaveOut == null ? "{}" : "{\"leaveOut\":[\"" + leaveOut + "\"]}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        api.awaitQuery(null, "/api/consultations/" + consultationId + "/table?version=" + version, r -> r.status() == 200, Duration.ofSeconds(20));
        api.awaitQuery("supervisor", "/api/consultations/" + consultationId,
                r -> r.json().path("overview").path("publishedVersions").toString().contains(String.valueOf(version)), Duration.ofSeconds(20));
    }

    @Test
    void aSupervisorOpensAConsultationLoadsItsCatalogueAndClosesIt() throws Exception {
        browser.signInAs("supervisor", Api.PASSWORD);
        browser.open(queryUrl + "/consultations");
        browser.click("#action-open");
        String id = "desk-open-" + UUID.randomUUID().toString().substring(0, 8);
        browser.fill("#f-id", id);
        browser.fill("#f-title", "关于促进具身智能发展的若干措施（征求意见稿）");
        browser.fill("#f-draftingUnit", GXJ);
        browser.fill("#f-deadline", "2024-10-31");
        browser.click("#open button[type=submit]");
        assertThat(browser.text("location.pathname")).isEqualTo("/consultations/" + id);
        assertThat(text("#notice")).startsWith("征求意见稿已发布");

        browser.click("#action-catalogue");
        browser.fill("#f-tsv", "clause\tchapter\ttitle\tresponsible_units\ttext\n"
                + "（一）\t一、总则\t支持具身智能研发\t" + GXJ + "、" + KCJ + "\t对具身智能研发给予支持。\n");
        browser.click("#catalogue button[type=submit]");
        assertThat(text("#notice")).isEqualTo("条款目录已更新");
        assertThat(text("#catalogue tr.clause[data-clause=\"（一）\"]")).contains("支持具身智能研发", GXJ + "、" + KCJ);

        browser.signOut();
        browser.open(queryUrl + "/public/consultations/" + id);
        assertThat(text("article.clause[data-clause=\"（一）\"] .clause-text")).isEqualTo("对具身智能研发给予支持。");

        browser.signInAs("supervisor", Api.PASSWORD);
        browser.open(queryUrl + "/consultations/" + id);
        browser.click("#close button[type=submit]");
        assertThat(text("#notice")).isEqualTo("已停止接收意见");
        browser.signOut();
        browser.open(queryUrl + "/public/consultations/" + id);
        assertThat(text("#public-state")).contains("已截止");
        assertThat(browser.evaluate("document.querySelectorAll('article.clause form').length")).isEqualTo(0);
    }

    @Test
    void aClerkRegistersALetterAndImportsATableAfterCheckingIt() throws Exception {
        browser.signInAs("clerk", Api.PASSWORD);
        browser.open(queryUrl + "/consultations/" + consultation);
        browser.click("#action-register");
        browser.fill("#f-name", "王小明");
        browser.fill("#f-contact", "wang@example.org");
        browser.fill("#f-channel", "LETTER");
        browser.fill("#f-receivedAt", "2024-09-10T09:30");
        browser.fill("#f-clause", "（十一）");
        browser.fill("#f-opinion", "来信建议：示范应用应覆盖中小学。");
        browser.click("#registration button[type=submit]");
        assertThat(text("#notice")).isEqualTo("意见已登记");
        assertThat(text("#summary-submitter")).isEqualTo("王*明");
        assertThat(text("#summary-received")).isEqualTo("2024-09-10 09:30");
        assertThat(text("#summary-lead")).as("routed by the clause chosen").isEqualTo(GXJ);
        assertThat(text("#timeline")).contains("收到意见（LETTER）", "就条款 （十一） 提出");

        String own = ownConsultation();
        Path table = Files.createTempFile("desk-import-", ".csv");
        Files.writeString(table, "序号,反馈单位或个人,反馈意见\n1,张三,第（十一）条建议扩大范围。\n2,深圳市某某协会,建议增加人才支持。\n");
        try {
            browser.open(queryUrl + "/consultations/" + own);
            browser.click("#action-import");
            browser.chooseFile("#f-file", table);
            browser.click("#upload button[type=submit]");
            assertThat(text("#notice")).startsWith("试导入完成");
            assertThat(text("#card-rows b")).isEqualTo("2");
            assertThat(text("#import-columns")).contains("反馈意见", "opinion");
            assertThat(text("#import-preview")).contains("张三", "第（十一）条建议扩大范围。");
            assertThat(api.query("supervisor", "/api/board?consultation=" + own).json().path("total").asInt()).as("nothing yet").isZero();
            browser.click("#confirm button[type=submit]");
            assertThat(text("#notice")).isEqualTo("导入完成");
            assertThat(text("#card-received b")).isEqualTo("2");
        } finally {
            Files.deleteIfExists(table);
        }
        api.awaitQuery("clerk", "/api/board?consultation=" + own, r -> r.json().path("total").asInt() == 2, Duration.ofSeconds(20));
    }

    @Test
    void aSupervisorImportsAPublishedTableWithItsDecisionsAndPublishesIt() throws Exception {
        browser.signInAs("supervisor", Api.PASSWORD);
        String own = ownConsultation();
        browser.open(queryUrl + "/consultations/" + own);
        browser.click("#action-import");
        browser.chooseFile("#f-file", Fixtures.seed("000_9004bd27553d34a2.txt"));
        browser.evaluate("document.querySelector('#f-published').checked = true"); // a tick: no page to wait for
        browser.click("#upload button[type=submit]");
        assertThat(text("#notice")).startsWith("试导入完成");
        assertThat(text("#card-rows b")).isEqualTo("55");
        assertThat(text("#card-decided b")).as("every row brings its decision").isEqualTo("55");
        browser.click("#confirm button[type=submit]");
        assertThat(text("#notice")).isEqualTo("导入完成");
        assertThat(text("#card-received b")).isEqualTo("55");
        assertThat(text("#card-decided b")).isEqualTo("55");
        api.awaitQuery("supervisor", "/api/board?state=DECIDED&consultation=" + own, r -> r.json().path("total").asInt() == 55,
                Duration.ofSeconds(30));

        browser.open(queryUrl + "/consultations/" + own + "/publication");
        browser.click("#publish button[type=submit]");
        api.awaitQuery(null, "/api/consultations/" + own + "/table", r -> r.status() == 200, Duration.ofSeconds(30));
        assertThat(new String(api.download("/api/consultations/" + own + "/table?format=txt"), StandardCharsets.UTF_8))
                .as("the table the supervisor published in the browser is the source's, byte for byte")
                .isEqualTo(Fixtures.seedText("000_9004bd27553d34a2.txt"));
    }

    @Test
    void aMemberOfThePublicCommentsOnAClauseAndIsToldWhatIsWrongInTheirLanguage() throws Exception {
        browser.signOut();
        browser.open(queryUrl + "/public/consultations/" + consultation);
        String clause = "article.clause[data-clause=\"（二十五）\"]";
        assertThat(text(clause + " h4")).startsWith("（二十五）");
        String opinion = "建议明确机器人应用场景的安全要求。" + UUID.randomUUID();
        browser.evaluate("document.querySelector(" + quote(clause + " details") + ").open = true");
        String form = clause + " form";
        browser.fill(form + " textarea[name=opinion]", opinion);
        browser.fill(form + " input[name=name]", "李四");
        browser.click(form + " button[type=submit]");
        assertThat(text("#notice")).isEqualTo("您的意见已提交，感谢参与！");
        String id = api.awaitQuery("supervisor", "/api/board?consultation=" + consultation + "&q=" + URLEncoder.encode(opinion, StandardCharsets.UTF_8),
                r -> r.json().path("total").asInt() == 1, Duration.ofSeconds(20)).json().path("items").get(0).path("id").asText();
        assertThat(api.query("supervisor", "/api/submissions/" + id + "/history").body()).contains("就条款 （二十五） 提出");
        assertThat(api.query("supervisor", "/api/submissions/" + id).json().path("leadBureau").asText()).isEqualTo(GXJ);

        // a name left empty (the browser's own check taken away): command-service's refusal, said in the page's language
        browser.evaluate("document.querySelector(" + quote(clause + " details") + ").open = true");
        browser.evaluate("document.querySelectorAll(" + quote(form + " [required]") + ").forEach(e => e.removeAttribute('required'))");
        browser.fill(form + " textarea[name=opinion]", "意见");
        browser.click(form + " button[type=submit]");
        assertThat(text("#notice")).contains("submitter.name").doesNotContain("must not be blank");
        browser.open(queryUrl + "/public/consultations/" + consultation + "?lang=en");
        browser.evaluate("document.querySelector(" + quote(clause + " details") + ").open = true");
        browser.evaluate("document.querySelectorAll(" + quote(form + " [required]") + ").forEach(e => e.removeAttribute('required'))");
        browser.fill(form + " textarea[name=opinion]", "a comment");
        browser.click(form + " button[type=submit]");
        assertThat(text("#notice")).contains("submitter.name", "must not be blank");
    }

    @Test
    void aCommandPostedFromAnotherSiteIsRefused() throws Exception {
        String item = comment(consultation, "第（十一）条建议。");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(queryUrl + "/desk/items/" + item + "/decision"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("official-gxj:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("outcome=%E9%87%87%E7%BA%B3")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(api.query("supervisor", "/api/submissions/" + item).json().path("state").asText()).isEqualTo("ASSIGNED");
    }
}
