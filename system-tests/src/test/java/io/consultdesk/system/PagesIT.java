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
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff's pages in a real headless browser: load each page, click a filter or a link, check what is shown.
 * A test that fails leaves a screenshot of the page under {@code target/page-failures/}.
 */
class PagesIT {

    private static Api api;
    private static String queryUrl;
    private static String consultation;
    private static HeadlessChromium browser;

    @RegisterExtension
    static final ScreenshotOnFailure SCREENSHOTS = new ScreenshotOnFailure(() -> browser, "");

    @BeforeAll
    static void seedAndBrowser() throws Exception {
        Stack stack = Stack.on(Infrastructure.EMBEDDED);
        api = stack.api();
        queryUrl = stack.services().queryUrl();
        consultation = Fixtures.openConsultation(api);
        api.upload("supervisor", "/api/consultations/" + consultation + "/imports", "seed.txt",
                Fixtures.seedText(SeedJourneyIT.SEED).getBytes(StandardCharsets.UTF_8));
        api.command(null, "POST", "/api/submissions", """
                {"id":"%s-xss","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"<script>document.title='pwned'</script>请核实"}"""
                .formatted(consultation, consultation));
        api.awaitQuery("supervisor", "/api/board?consultation=" + consultation,
                r -> r.status() == 200 && r.json().path("total").asInt() == 56, Duration.ofSeconds(20));
        // the comment submitted last must be routed too, not only received
        api.awaitQuery("supervisor", "/api/board?state=ASSIGNED&consultation=" + consultation,
                r -> r.status() == 200 && r.json().path("total").asInt() == 1, Duration.ofSeconds(20));
        browser = HeadlessChromium.start();
        browser.signInAs("supervisor", Api.PASSWORD);
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theConsultationsAreListedAndEachShowsItsCatalogueInDocumentOrder() throws Exception {
        browser.open(queryUrl + "/consultations");
        String row = "document.querySelector('#consultations tr.consultation[data-id=\"" + consultation + "\"]')";
        assertThat(browser.text(row + ".textContent")).contains("深圳市打造人工智能先锋城市的若干措施", "市工业和信息化局", "56", "2024-09-16");
        browser.click("#consultations tr.consultation[data-id=\"" + consultation + "\"] a");
        assertThat(browser.text("location.pathname")).isEqualTo("/consultations/" + consultation);
        assertThat(browser.text("document.querySelector('#card-total b').textContent")).isEqualTo("56");
        assertThat(browser.text("document.querySelector('#overview-time-zone').textContent")).isEqualTo("Asia/Shanghai");
        String clauses = browser.text("[...document.querySelectorAll('#catalogue tr.clause')].map(r => r.dataset.clause).join(' ')");
        assertThat(clauses).startsWith("（一） （二） （三） （四） （七） （八） （九） （十一） （十二）").endsWith("（二十四） （二十五）");
        assertThat(browser.text("[...document.querySelectorAll('#catalogue tr.chapter')].map(r => r.textContent).join('|')"))
                .startsWith("一、加速模型研发迭代|二、强化算力普惠供给|");
        assertThat(browser.text("document.querySelector('#catalogue tr.clause[data-clause=\"（三）\"]').textContent"))
                .contains("支持智算中心建设", "市发展改革委、市工业和信息化局、市规划和自然资源局、深圳市供电局");
        assertThat(browser.text("document.querySelector('#catalogue tr.clause[data-clause=\"（十一）\"] td.num').textContent"))
                .as("rows 10, 30, 35").isEqualTo("3");
    }

    /**
     * The pages bring their own Chinese font: the browser may load it (the content security policy allows the
     * stylesheet and the font), its parts cover the page's text, and they are served to anyone, cached. On a
     * machine without a CJK font (as here) this is what keeps the page from showing boxes.
     */
    @Test
    void everyPageBringsAChineseWebFontSoNoPageShowsBoxes() throws Exception {
        browser.open(queryUrl + "/consultations/" + consultation);
        String family = "'16px \\'ConsultDesk Noto Sans SC\\''";
        browser.text("document.fonts.load(" + family + ", document.body.innerText) && 'asked'");
        String ready = "";
        for (int i = 0; i < 100 && !ready.equals("true"); i++) {
            Thread.sleep(100);
            ready = browser.text("String([...document.fonts].some(f => f.family.includes('ConsultDesk') && f.status === 'loaded')"
                    + " && document.fonts.check(" + family + ", document.body.innerText))");
        }
        assertThat(ready).as("the web font's parts for the page's text are loaded").isEqualTo("true");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(queryUrl + "/public/consultations/" + consultation)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("font-src 'self'");
        assertThat(page.body()).contains("<link rel=\"stylesheet\" href=\"/fonts/noto-sans-sc/noto-sans-sc.css\">");
        HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create(queryUrl + "/fonts/noto-sans-sc/noto-sans-sc.css")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
        String part = css.body().replaceAll("(?s).*?url\\((/fonts/[^)]+\\.woff2)\\).*", "$1");
        HttpResponse<byte[]> font = http.send(HttpRequest.newBuilder(URI.create(queryUrl + part)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(font.statusCode()).as(part).isEqualTo(200);
        assertThat(new String(font.body(), 0, 4, StandardCharsets.US_ASCII)).as("a WOFF2 file").isEqualTo("wOF2");
        assertThat(font.headers().firstValue("Cache-Control")).get().asString().contains("max-age");
    }

    @Test
    void timesClausesAndCountsReadAsText() throws Exception {
        browser.open(queryUrl + "/board?consultation=" + consultation + "&q=" + URLEncoder.encode("请核实", StandardCharsets.UTF_8));
        assertThat(browser.text("document.querySelector('#items tr.item td.time').textContent")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(browser.text("document.querySelector('#items tr.item td.due').textContent")).matches("\\d{4}-\\d{2}-\\d{2} 23:59");
        browser.open(queryUrl + "/board?consultation=" + consultation);
        assertThat(browser.text("document.querySelector('#items').textContent")).doesNotContain("[", "]", "UTC");
        browser.open(queryUrl + "/dashboard?consultation=" + consultation);
        String table = browser.text("document.querySelector('#clauses').textContent");
        assertThat(table).doesNotContain("{", "=").contains("不采纳 ");
        assertThat(browser.text("[...document.querySelectorAll('#clauses tr td:first-child')].map(c => c.textContent).join(' ')"))
                .as("clauses by numeral value, not character code").startsWith("（一） （二） （三） （四） （七）");
        assertThat(browser.text("document.querySelector('#imported-decisions').textContent")).contains("55");
    }

    @Test
    void anItemPageOpensWithItsSummaryAndAnImportedDecisionIsMarkedSo() throws Exception {
        browser.open(queryUrl + "/board?consultation=" + consultation + "&state=DECIDED");
        browser.click("#items tr.item a");
        assertThat(browser.text("document.querySelector('#summary-state').textContent")).isEqualTo("已答复");
        assertThat(browser.text("document.querySelector('#summary-opinion').textContent")).isNotBlank();
        assertThat(browser.text("document.querySelector('#summary-outcome').textContent")).isIn("采纳", "部分采纳", "不采纳");
        assertThat(browser.text("document.querySelector('#summary-hours-to-decision').textContent")).isEqualTo("导入");
        assertThat(browser.evaluate("document.querySelector('#summary-due') === null")).as("an imported decision had no due date")
                .isEqualTo(true);
        assertThat(browser.evaluate("document.querySelector('#summary').compareDocumentPosition(document.querySelector('#timeline')) "
                + "& Node.DOCUMENT_POSITION_FOLLOWING")).as("the summary comes before the timeline").isNotEqualTo(0);
        browser.open(queryUrl + "/board?consultation=" + consultation + "&q=" + URLEncoder.encode("请核实", StandardCharsets.UTF_8));
        browser.click("#items tr.item a");
        assertThat(browser.text("document.querySelector('#summary-due').textContent")).matches("\\d{4}-\\d{2}-\\d{2} 23:59");
        assertThat(browser.text("document.querySelector('#timeline').textContent")).contains("办理时限 ").doesNotContain("T15:59:59Z");
    }

    @Test
    void aBadFilterIsRefusedInTheLanguageOfThePage() throws Exception {
        browser.open(queryUrl + "/board?page=-1");
        assertThat(browser.text("document.querySelector('#refused').textContent")).isEqualTo("page：须为 0 或更大的数");
        browser.open(queryUrl + "/board?page=-1&lang=en");
        assertThat(browser.text("document.querySelector('#refused').textContent")).isEqualTo("page: must be 0 or more");
    }

    @Test
    void theDashboardShowsTheSeedsNumbers() throws Exception {
        browser.open(queryUrl + "/dashboard?consultation=" + consultation);
        assertThat(browser.text("document.querySelector('#card-total b').textContent")).isEqualTo("56");
        String outcomes = browser.text("document.querySelector('#chart-outcomes').textContent");
        assertThat(outcomes).contains("采纳", "15", "部分采纳", "13", "不采纳", "27");
        assertThat(browser.evaluate("document.querySelectorAll('#chart-bureaus rect').length")).isNotEqualTo(0);
        assertThat(browser.text("document.querySelector('#clauses').textContent")).contains("（十一）");
    }

    @Test
    void clickingAStateFilterNarrowsTheBoard() throws Exception {
        browser.open(queryUrl + "/board?consultation=" + consultation);
        assertThat(browser.text("document.querySelector('#count').textContent")).startsWith("56");
        browser.click("#state-filters a[href*='state=ASSIGNED']");
        assertThat(browser.text("location.search")).contains("state=ASSIGNED");
        assertThat(browser.text("document.querySelector('#count').textContent")).startsWith("1");
        assertThat(browser.text("document.querySelector('#items tr.item').dataset.state")).isEqualTo("ASSIGNED");
        browser.click("#state-filters a[href*='state=DECIDED']");
        assertThat(browser.text("document.querySelector('#count').textContent")).startsWith("55");
        assertThat(browser.evaluate("[...document.querySelectorAll('#items tr.item')].every(r => r.dataset.state === 'DECIDED')"))
                .isEqualTo(true);
    }

    @Test
    void submittedScriptIsShownAsTextAndNeverRuns() throws Exception {
        browser.open(queryUrl + "/board?consultation=" + consultation + "&q=" + URLEncoder.encode("请核实", StandardCharsets.UTF_8));
        assertThat(browser.text("document.querySelector('#items').textContent")).contains("<script>document.title='pwned'</script>");
        assertThat(browser.evaluate("document.querySelectorAll('script').length")).isEqualTo(0);
        assertThat(browser.text("document.title")).doesNotContain("pwned");
    }

    @Test
    void anItemsTimelineListsEveryEventAndTheEnglishLabelsWork() throws Exception {
        // seed row 1 is the only row citing （十五） that was not adopted; the rows reach the read side through several
        // partitions, so which item the board numbers (and lists) first is not row 1's to claim
        browser.open(queryUrl + "/board?consultation=" + consultation + "&lang=en&clause="
                + URLEncoder.encode("（十五）", StandardCharsets.UTF_8) + "&outcome=" + URLEncoder.encode("不采纳", StandardCharsets.UTF_8));
        assertThat(browser.text("document.querySelector('h1').textContent")).isEqualTo("Status board");
        assertThat(browser.evaluate("document.querySelectorAll('#items tr.item').length")).isEqualTo(1);
        browser.click("#items tr.item a");
        assertThat(browser.text("location.pathname")).startsWith("/items/");
        assertThat(browser.evaluate("document.querySelectorAll('#timeline tr.event').length")).isEqualTo(3);
        // row 1 cites （十五）, whose units the seed does not reveal: the drafting unit triages it
        assertThat(browser.text("document.querySelector('#timeline').textContent"))
                .contains("引用条款 （十五）", "交起草单位分办", "作出采纳情况：不采纳");
    }
}
