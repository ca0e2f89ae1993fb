package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One comment's journey through the REST API — received, routed, decided, revised, published — and every
 * refusal on the way, as the users see them.
 */
class LifecycleIT {

    private static Api api;

    @BeforeAll
    static void stack() {
        api = Stack.on(Infrastructure.EMBEDDED).api();
    }

    private static String submit(String consultation, String opinion) {
        String id = "life-" + UUID.randomUUID();
        Api.Reply reply = api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"深圳市星河科技有限公司","kind":"ORGANISATION","contact":"+86 755 0000"},
                 "opinion":%s}""".formatted(id, consultation, json(opinion)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return id;
    }

    private static JsonNode awaitVersion(String id, long version) {
        return api.awaitQuery("supervisor", "/api/submissions/" + id,
                r -> r.status() == 200 && r.json().path("version").asLong() >= version, Duration.ofSeconds(10)).json();
    }

    private static Api.Reply decide(String user, String id, String outcome, String reason, Long expectedVersion) {
        return api.command(user, "POST", "/api/submissions/" + id + "/decision", """
                {"outcome":"%s","reason":"%s"%s}""".formatted(outcome, reason,
                expectedVersion == null ? "" : ",\"expectedVersion\":" + expectedVersion));
    }

    @Test
    void receivedRoutedDecidedRevisedPublished() {
        String consultation = Fixtures.openConsultation(api);
        String id = submit(consultation, "第（十四）条原文“支持企业开展人工智能技术攻关”，建议提高资助比例。");
        JsonNode assigned = awaitVersion(id, 1);
        assertThat(assigned.path("state").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.path("submitterPublicName").asText()).isEqualTo("深圳市****有限公司");

        // （十四）'s units are unknown in the seed catalogue: the drafting unit triages
        assertThat(assigned.path("leadBureau").asText()).isEqualTo("市工业和信息化局");
        Api.Reply moved = api.command("supervisor", "POST", "/api/submissions/" + id + "/assignment",
                "{\"leadBureau\":\"市科技创新局\",\"coBureaus\":[\"市工业和信息化局\"],\"reason\":\"技术攻关属科技创新局\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        awaitVersion(id, 2);

        Api.Reply wrongBureau = decide("official-gxj", id, "采纳", "好", null);
        assertThat(wrongBureau.status()).isEqualTo(403);
        assertThat(wrongBureau.contentType()).contains("application/problem+json");
        assertThat(wrongBureau.json().path("code").asText()).isEqualTo("decide-other-bureau");
        assertThat(wrongBureau.json().path("detail").asText()).as("Chinese by default")
                .isEqualTo("意见 " + id + " 由市科技创新局主办，市工业和信息化局的工作人员不能答复");

        assertThat(decide("official-kcj", id, "部分采纳", "将在操作规程中明确。", 2L).status()).isEqualTo(200);
        JsonNode decided = awaitVersion(id, 3);
        assertThat(decided.path("state").asText()).isEqualTo("DECIDED");
        assertThat(decided.path("decidedByBureau").asText()).isEqualTo("市科技创新局");

        Api.Reply stale = decide("official-kcj", id, "不采纳", "再议", 2L);
        assertThat(stale.status()).as("a stale expected version is a conflict").isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(3);

        assertThat(decide("official-kcj", id, "不采纳", "，不符合《公平竞争审查条例》相关要求。", 3L).status()).isEqualTo(200);
        JsonNode revised = awaitVersion(id, 4);
        assertThat(revised.path("revisions").asInt()).isEqualTo(1);
        assertThat(revised.path("outcome").asText()).isEqualTo("不采纳");

        Api.Reply publication = api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication", "{}");
        assertThat(publication.status()).as(publication.toString()).isEqualTo(201);
        JsonNode table = api.awaitQuery(null, "/api/consultations/" + consultation + "/table", r -> r.status() == 200,
                Duration.ofSeconds(10)).json();
        assertThat(table.path("rows").get(0).path("decision").asText()).isEqualTo("不采纳，不符合《公平竞争审查条例》相关要求。");
        assertThat(table.path("totalsLine").asText()).isEqualTo("共1条：不采纳1条");
        assertThat(awaitVersion(id, 5).path("state").asText()).isEqualTo("PUBLISHED");

        Api.Reply late = decide("official-kcj", id, "采纳", "", null);
        assertThat(late.status()).as("a published decision cannot be revised").isEqualTo(409);
        assertThat(late.json().path("currentState").asText()).isEqualTo("PUBLISHED");
        assertThat(api.command("clerk", "POST", "/api/submissions/" + id + "/withdrawal", "{\"reason\":\"撤回\"}").status())
                .isEqualTo(409);
    }

    @Test
    void publicationWaitsForUndecidedItemsUnlessTheyAreLeftOutByName() {
        String consultation = Fixtures.openConsultation(api);
        String decided = submit(consultation, "引用（十一）条，建议将仿生机器人纳入清单。");
        String open = submit(consultation, "建议增加机器人券。");
        String spam = submit(consultation, "广告：低价出售。");
        awaitVersion(open, 1);
        assertThat(decide("official-gxj", decided, "采纳", "", null).status()).isEqualTo(200);
        assertThat(api.command("clerk", "POST", "/api/submissions/" + spam + "/rejection", "{\"reason\":\"广告\"}").status())
                .isEqualTo(200);

        Api.Reply refused = api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("undecided").toString()).isEqualTo("[\"" + open + "\"]");

        Api.Reply published = api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication",
                "{\"leaveOut\":[\"" + open + "\"]}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("rowCount").asInt()).as("the rejected item is never published").isEqualTo(1);
        assertThat(published.json().path("leftOut").toString()).contains(open);
        JsonNode progress = api.command("supervisor", "GET", "/api/consultations/" + consultation + "/publication/1", null).json();
        assertThat(progress.path("state").asText()).isEqualTo("completed");
        assertThat(progress.path("rowsPublished").asInt()).isEqualTo(1);
        assertThat(api.command("supervisor", "GET", "/api/consultations/" + consultation + "/publication/9", null).status())
                .as("no such publication").isEqualTo(404);

        assertThat(decide("official-gxj", open, "不采纳", "。", null).status()).isEqualTo(200);
        Api.Reply second = api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication", "{}");
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        JsonNode comparison = api.awaitQuery(null, "/api/consultations/" + consultation + "/table/comparison?from=1&to=2",
                r -> r.status() == 200 && r.json().path("changes").size() == 1, Duration.ofSeconds(10)).json();
        assertThat(comparison.path("changes").get(0).path("change").asText()).isEqualTo("added");
        assertThat(api.query(null, "/api/consultations/" + consultation + "/table?version=1").json().path("rows").size()).isEqualTo(1);

        // the table as the public saw it at a past instant
        String firstPublished = api.query(null, "/api/consultations/" + consultation + "/table/versions").json()
                .get(0).path("publishedAt").asText();
        assertThat(api.query(null, "/api/consultations/" + consultation + "/table?asOf=" + firstPublished).json()
                .path("version").asInt()).isEqualTo(1);
        assertThat(api.query(null, "/api/consultations/" + consultation + "/table?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(api.query(null, "/api/consultations/" + consultation + "/table?asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void scriptInACommentIsShownAsTextInThePublicPage() {
        String consultation = Fixtures.openConsultation(api);
        String id = submit(consultation, "<script>alert('x')</script>建议<b>加粗</b>");
        awaitVersion(id, 1);
        assertThat(decide("official-gxj", id, "采纳", "<img src=x onerror=alert(1)>", null).status()).isEqualTo(200);
        assertThat(api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication", "{}").status())
                .isEqualTo(201);
        api.awaitQuery(null, "/api/consultations/" + consultation + "/table", r -> r.status() == 200, Duration.ofSeconds(10));
        String html = new String(api.download("/api/consultations/" + consultation + "/table?format=html"), StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>")
                .doesNotContain("<img").contains("&lt;b&gt;");
    }

    @Test
    void badInputUnknownIdsAndStateConflictsAreAnsweredPrecisely() {
        String consultation = Fixtures.openConsultation(api);
        Api.Reply bad = api.command(null, "POST", "/api/submissions",
                "{\"id\":\"has space\",\"consultationId\":\"\",\"submitter\":{\"name\":\"\",\"kind\":\"PERSON\"},\"opinion\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.json().path("errors").findValuesAsText("field"))
                .contains("id", "consultationId", "submitter.name", "opinion");
        Api.Reply wrongKind = api.command(null, "POST", "/api/submissions",
                "{\"consultationId\":\"x\",\"submitter\":{\"name\":\"a\",\"kind\":\"ROBOT\"},\"opinion\":\"b\"}");
        assertThat(wrongKind.json().path("errors").get(0).path("field").asText()).isEqualTo("submitter.kind");
        assertThat(api.command(null, "POST", "/api/submissions", "{not json").status()).isEqualTo(400);
        String tooLong = "长".repeat(20_001);
        assertThat(api.command(null, "POST", "/api/submissions", """
                {"consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"%s"}"""
                .formatted(consultation, tooLong)).json().path("errors").get(0).path("field").asText()).isEqualTo("opinion");

        assertThat(api.command(null, "POST", "/api/submissions",
                "{\"consultationId\":\"no-such\",\"submitter\":{\"name\":\"王五\",\"kind\":\"PERSON\"},\"opinion\":\"建议\"}").status())
                .isEqualTo(404);
        assertThat(decide("official-gxj", "no-such-item", "采纳", "", null).status()).isEqualTo(404);
        assertThat(decide(null, "no-such-item", "采纳", "", null).status()).as("deciding needs a signed-in official").isEqualTo(401);
        assertThat(decide("clerk", "no-such-item", "采纳", "", null).status()).isEqualTo(403);

        String id = submit(consultation, "建议增加培训。");
        awaitVersion(id, 1);
        Api.Reply notInVocabulary = decide("official-gxj", id, "已采纳", "", null);
        assertThat(notInVocabulary.status()).isEqualTo(409);
        assertThat(notInVocabulary.json().path("detail").asText()).contains("采纳", "部分采纳", "不采纳");
        assertThat(api.command("clerk", "POST", "/api/submissions/" + id + "/rejection", "{\"reason\":\"\"}").status())
                .as("a rejection needs a reason").isEqualTo(409);
        assertThat(api.command("clerk", "POST", "/api/submissions/" + id + "/duplicate-of", "{\"duplicateOf\":\"" + id + "\"}").status())
                .isEqualTo(409);
        assertThat(api.command("clerk", "POST", "/api/submissions/" + id + "/withdrawal", "{\"reason\":\"本人撤回\"}").status())
                .isEqualTo(200);
        Api.Reply afterWithdrawal = decide("official-gxj", id, "采纳", "", null);
        assertThat(afterWithdrawal.status()).isEqualTo(409);
        assertThat(afterWithdrawal.json().path("currentState").asText()).isEqualTo("WITHDRAWN");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
