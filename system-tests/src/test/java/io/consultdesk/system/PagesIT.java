package io.consultdesk.system;

import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisors' pages in a real headless browser: load each page, click a filter, check what is shown. */
class PagesIT {

    private static Api api;
    private static String queryUrl;
    private static String consultation;
    private static HeadlessChromium browser;

    @BeforeAll
    static void seedAndBrowser() throws Exception {
        Stack stack = Stack.on(Infrastructure.EMBEDDED);
        api = stack.api();
        queryUrl = stack.services().queryUrl();
        consultation = Fixtures.openConsultation(api);
        api.upload("demo", "/api/consultations/" + consultation + "/imports", "seed.txt",
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
        browser.open(queryUrl + "/board?consultation=" + consultation + "&lang=en");
        assertThat(browser.text("document.querySelector('h1').textContent")).isEqualTo("Status board");
        browser.click("#items tr.item a");
        assertThat(browser.text("location.pathname")).startsWith("/items/");
        assertThat(browser.evaluate("document.querySelectorAll('#timeline tr.event').length")).isEqualTo(3);
        // row 1 cites （十五）, whose units the seed does not reveal: the drafting unit triages it
        assertThat(browser.text("document.querySelector('#timeline').textContent"))
                .contains("引用条款 （十五）", "交起草单位分办", "作出采纳情况：不采纳");
    }
}
