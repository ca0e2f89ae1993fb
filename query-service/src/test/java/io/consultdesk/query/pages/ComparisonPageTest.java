package io.consultdesk.query.pages;

import io.consultdesk.query.ViewsFixture;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.dashboard.Summaries;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.publication.PublishedTableProjection;
import io.consultdesk.query.publication.PublishedTables;
import org.bson.Document;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static io.consultdesk.query.ViewsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison page as the public reads it: which rows were added, removed, changed (outcome, reply) and renumbered
 * between two versions, each with its 序号, in Chinese by default and in English; its form and its refusals.
 */
class ComparisonPageTest {

    private static ViewsFixture fixture;
    private static ComparisonPage page;
    private static LiveViews views;

    @BeforeAll
    static void publishTwoVersions() {
        fixture = new ViewsFixture();
        views = fixture.freshViews();
        fixture.apply(views, List.of(
                event("Consultation", "c1", 0, "ConsultationOpened", "2024-09-02T01:30:00Z", "k1", """
                        {"consultationId":"c1","title":"若干措施（征求意见稿）","draftingUnit":"市工业和信息化局","deadline":"2024-09-16",
                         "clauses":[],"outcomes":["采纳","部分采纳","不采纳"],"handlingWorkingDays":15,"openedAt":"2024-09-02T01:30:00Z"}"""),
                table(1, 3, "2024-09-20T01:30:00Z"), table(2, 3, "2024-10-08T01:30:00Z"),
                event("Consultation", "c1", 3, "TablePublished", "2024-10-09T01:30:00Z", "k4", """
                        {"consultationId":"c1","version":3,"heading":"表","rowCount":5,"totals":{},"leftOut":[],"publishedAt":"2024-10-09T01:30:00Z"}"""),
                event("Consultation", "c2", 0, "ConsultationOpened", "2024-09-02T01:30:00Z", "k5", """
                        {"consultationId":"c2","title":"只公开一版","draftingUnit":"乙局","deadline":"2024-09-16",
                         "clauses":[],"outcomes":["采纳"],"handlingWorkingDays":15,"openedAt":"2024-09-02T01:30:00Z"}""")));
        // version 1: a, b, c; version 2: a's decision revised, b left out, c renumbered after d's arrival, d added
        rows(1, row(1, "a", "陈*天", "建议增加算力补贴。", "不采纳", "不采纳。已有规定。"),
                row(2, "b", "李*", "建议延长征求意见期。", "采纳", "采纳。"),
                row(3, "c", "深圳市****产业协会", "建议明确数据安全要求。", "部分采纳", "部分采纳。"));
        rows(2, row(1, "a", "陈*天", "建议增加算力补贴。", "部分采纳", "部分采纳。将在实施细则中明确。"),
                row(2, "d", "王*", "建议设立人才专项。", "采纳", "采纳。"),
                row(3, "c", "深圳市****产业协会", "建议明确数据安全要求。", "部分采纳", "部分采纳。"));
        page = new ComparisonPage(new Consultations(views, new Summaries(views)), new PublishedTables(views));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void withoutAChoiceTheLatestCompleteVersionsAreComparedRowByRowWithTheir序号() {
        ResponseEntity<String> answer = page.page("c1", "1", "2", null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        org.jsoup.nodes.Document html = Jsoup.parse(answer.getBody());

        assertThat(html.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(html.select("#comparison-heading").text()).isEqualTo("第1版与第2版对比");
        assertThat(html.select("#comparison-summary").text()).isEqualTo("新增 1 条，删除 1 条，修改 1 条，仅序号变化 0 条。");
        Element added = change(html, "added", "d");
        assertThat(cells(added)).containsExactly("2", "王*", "建议设立人才专项。", "采纳。");
        Element removed = change(html, "removed", "b");
        assertThat(cells(removed)).as("the 序号 it had").containsExactly("2", "李*", "建议延长征求意见期。", "采纳。");
        Element changed = change(html, "changed", "a");
        assertThat(changed.select("td").get(0).text()).isEqualTo("1");
        assertThat(changed.select("td").get(1).text()).isEqualTo("采纳结果、采纳情况（答复全文）");
        assertThat(changed.select("td").get(2).select("del").text()).isEqualTo("原：不采纳");
        assertThat(changed.select("td").get(2).select("ins").text()).isEqualTo("现：部分采纳");
        assertThat(changed.select("td").get(3).select("ins").text()).isEqualTo("现：部分采纳。将在实施细则中明确。");
        assertThat(changed.select("td").get(4).select("del, ins")).as("the opinion did not change: shown once").isEmpty();
        assertThat(html.select("tr.change")).as("c kept its 序号 and text: no change").hasSize(3);
        assertThat(html.select("#changed th").eachText()).containsExactly("序号", "修改内容", "采纳结果", "采纳情况（答复全文）", "反馈意见");
        assertThat(html.select("a[href=/api/consultations/c1/table?format=html&version=2]")).hasSize(1);
    }

    @Test
    void theFormChoosesTwoVersionsByLabelledDropdownsAndKeepsTheChoiceInTheAddress() {
        org.jsoup.nodes.Document html = Jsoup.parse(page.page("c1", null, null, null).getBody());

        Element form = html.selectFirst("form#choose-versions");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/public/consultations/c1/comparison");
        for (String name : List.of("from", "to")) {
            Element select = form.selectFirst("select[name=" + name + "]");
            assertThat(form.select("label[for=" + select.id() + "]")).as(name + " has its label").hasSize(1);
            assertThat(select.select("option").eachText()).containsExactly("第1版", "第2版", "第3版");
        }
        assertThat(form.select("select[name=from] option[selected]").val()).as("the one before the latest").isEqualTo("2");
        assertThat(form.select("select[name=to] option[selected]").val()).as("the latest").isEqualTo("3");
        assertThat(html.select("a[lang=en]").attr("href")).isEqualTo("/public/consultations/c1/comparison?from=2&to=3&lang=en");
    }

    @Test
    void aVersionWhoseRowsAreStillArrivingIsNotComparedYet() {
        ResponseEntity<String> answer = page.page("c1", null, null, null);

        assertThat(answer.getStatusCode()).as("version 3 announced 5 rows, none here").isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(Jsoup.parse(answer.getBody()).select("#notice").text()).isEqualTo("第3版仍在同步（已有 0 行，共 5 行），请稍后刷新。");
    }

    @Test
    void inEnglishWithLang() {
        org.jsoup.nodes.Document html = Jsoup.parse(page.page("c1", "1", "2", "en").getBody());

        assertThat(html.select("html").attr("lang")).isEqualTo("en");
        assertThat(html.select("#comparison-summary").text()).isEqualTo("1 added, 1 removed, 1 changed, 0 renumbered only.");
        assertThat(change(html, "changed", "a").select("td").get(1).text()).isEqualTo("Outcome, Reply as published");
        assertThat(html.select("form#choose-versions input[name=lang]").val()).isEqualTo("en");
    }

    @Test
    void wrongChoicesAreSaidOnThePage() {
        assertThat(Jsoup.parse(page.page("c1", "2", "2", null).getBody()).select("#notice").text()).isEqualTo("请选择两个不同的已公开版本。");
        assertThat(page.page("c1", "x", "2", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> missing = page.page("c1", "1", "9", null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Jsoup.parse(missing.getBody()).select("#notice").text()).isEqualTo("没有第9版采纳情况表。");
        assertThat(Jsoup.parse(page.page("c2", null, null, "en").getBody()).select("#notice").text())
                .isEqualTo("There is something to compare once two versions of the table are published.");
        assertThat(page.page("nowhere", null, null, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Element change(org.jsoup.nodes.Document html, String kind, String id) {
        Element row = html.selectFirst("tr.change[data-change=" + kind + "][data-id=" + id + "]");
        assertThat(row).as(kind + " " + id).isNotNull();
        return row;
    }

    private static List<String> cells(Element row) {
        return row.select("td").eachText();
    }

    private static EventEnvelope table(int version, int rows, String at) {
        return event("Consultation", "c1", version, "TablePublished", at, "t" + version, """
                {"consultationId":"c1","version":%d,"heading":"社会公众意见采纳情况表","rowCount":%d,"totals":{},"leftOut":[],"publishedAt":"%s"}"""
                .formatted(version, rows, at));
    }

    private static Document row(int number, String item, String submitter, String opinion, String outcome, String decision) {
        return new Document("rowNumber", number).append("submissionId", item).append("submitter", submitter).append("opinion", opinion)
                .append("outcome", outcome).append("decision", decision);
    }

    private static void rows(int version, Document... rows) {
        for (Document row : rows) {
            // keyed as the projection keys them: consultation, version, 序号
            views.collection(PublishedTableProjection.ROWS).insertOne(new Document(row).append("_id",
                    "c1|" + version + "|" + row.getInteger("rowNumber")).append("consultationId", "c1").append("version", version));
        }
    }
}
