package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The read side as supervisors and auditors use it: board, dashboard, timeline, as-of, replay. */
class ReadSideIT {

    private static Api api;
    private static String consultation;

    @BeforeAll
    static void seed() {
        api = Stack.on(Infrastructure.EMBEDDED).api();
        consultation = Fixtures.openConsultation(api);
        api.upload("supervisor", "/api/consultations/" + consultation + "/imports", "seed.txt",
                Fixtures.seedText(SeedJourneyIT.SEED).getBytes(StandardCharsets.UTF_8));
        assertThat(api.command("supervisor", "POST", "/api/consultations/" + consultation + "/publication", "{}").status())
                .isEqualTo(201);
        api.awaitQuery(null, "/api/consultations/" + consultation + "/table", r -> r.status() == 200, Duration.ofSeconds(20));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theDashboardShowsTheSeedsNumbersOncePublished() {
        JsonNode d = api.query("supervisor", "/api/dashboard?consultation=" + consultation).json();
        assertThat(d.path("total").asInt()).isEqualTo(55);
        assertThat(d.path("outcomes").path("采纳").asInt()).isEqualTo(15);
        assertThat(d.path("outcomes").path("部分采纳").asInt()).isEqualTo(13);
        assertThat(d.path("outcomes").path("不采纳").asInt()).isEqualTo(27);
        assertThat(d.path("byState").path("PUBLISHED").asInt()).isEqualTo(55);
        assertThat(d.path("progress").path("percentHandled").asInt()).isEqualTo(100);
        assertThat(d.path("clauses").path("（十一）").path("items").asInt()).as("rows 10, 30, 35").isEqualTo(3);
        assertThat(d.path("bureaus").path("市发展改革委").path("byState").path("PUBLISHED").asInt())
                .as("the four rows citing （三）").isEqualTo(4);
    }

    @Test
    void theBoardFiltersByBureauClauseOutcomeAndText() {
        String base = "/api/board?size=100&consultation=" + consultation;
        assertThat(api.query("supervisor", base).json().path("total").asInt()).isEqualTo(55);
        assertThat(api.query("supervisor", base + "&clause=" + enc("（十一）")).json().path("total").asInt()).isEqualTo(3);
        assertThat(api.query("supervisor", base + "&outcome=" + enc("部分采纳")).json().path("total").asInt()).isEqualTo(13);
        assertThat(api.query("supervisor", base + "&bureau=" + enc("市科技创新局")).json().path("total").asInt())
                .as("（四） rows 16, 27, 45 and （二十五） row 47").isEqualTo(4);
        assertThat(api.query("supervisor", base + "&q=" + enc("仿生机器人")).json().path("total").asInt()).isEqualTo(1);
        JsonNode sorted = api.query("supervisor", base + "&sort=-receivedAt&size=1").json();
        assertThat(sorted.path("items").get(0).path("opinion").asText()).startsWith("创造人工智能");

        JsonNode official = api.query("official-kcj", base).json();
        assertThat(official.path("total").asInt()).as("an official sees only their bureau's items").isEqualTo(4);
        official.path("items").forEach(i -> assertThat(i.path("bureaus").toString()).contains("市科技创新局"));

        Api.Reply bad = api.query("supervisor", "/api/board?size=100000&consultation=" + consultation);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
        assertThat(api.query("supervisor", base + "&sort=password").status()).isEqualTo(400);
    }

    @Test
    void overdueItemsAndTheBoardAsItStoodThen() {
        String consultation = Fixtures.openConsultation(api);
        String id = consultation + "-late";
        Api.Reply letter = api.command("clerk", "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"建议（来信）",
                 "channel":"LETTER","receivedAt":"2024-09-02T01:00:00Z"}""".formatted(id, consultation));
        assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
        JsonNode item = api.awaitQuery("supervisor", "/api/submissions/" + id,
                r -> r.status() == 200 && r.json().path("version").asInt() >= 1, Duration.ofSeconds(10)).json();
        assertThat(item.path("dueAt").asText()).startsWith("2024-09-23");
        JsonNode overdue = api.query("supervisor", "/api/board?overdue=true&consultation=" + consultation).json();
        assertThat(overdue.path("total").asInt()).isEqualTo(1);
        assertThat(overdue.path("items").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(api.query("supervisor", "/api/dashboard?consultation=" + consultation).json().path("overdue").asInt()).isEqualTo(1);

        Instant beforeDecision = Instant.now();
        assertThat(api.command("official-gxj", "POST", "/api/submissions/" + id + "/decision",
                "{\"outcome\":\"采纳\",\"reason\":\"。\"}").status()).isEqualTo(200);
        api.awaitQuery("supervisor", "/api/submissions/" + id, r -> "DECIDED".equals(r.json().path("state").asText()), Duration.ofSeconds(10));
        JsonNode then = api.query("supervisor", "/api/board?q=" + enc("来信") + "&consultation=" + consultation + "&asOf=" + beforeDecision).json();
        assertThat(then.path("items").get(0).path("state").asText()).isEqualTo("ASSIGNED");
        assertThat(then.path("items").get(0).path("outcome").isMissingNode()).isTrue();
        JsonNode now = api.query("supervisor", "/api/board?q=" + enc("来信") + "&consultation=" + consultation).json();
        assertThat(now.path("items").get(0).path("state").asText()).isEqualTo("DECIDED");
        assertThat(api.query("supervisor", "/api/board?asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void anAuditorReadsWhatHappenedByWhomWhenAndWhy() {
        JsonNode row = api.query(null, "/api/consultations/" + consultation + "/table").json().path("rows").get(2);
        JsonNode history = api.query("auditor", "/api/submissions/" + row.path("submissionId").asText() + "/history").json();
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.get(1).path("type").asText()).isEqualTo("SubmissionAssigned");
        assertThat(history.get(1).path("summary").asText()).contains("（三）→市发展改革委");
        assertThat(history.get(2).path("actor").asText()).isEqualTo("supervisor");
        assertThat(history.get(3).path("summary").asText()).contains("序号 3");
        assertThat(api.query("official-gxj", "/api/submissions/" + row.path("submissionId").asText() + "/history").status())
                .isEqualTo(403);
    }

    @Test
    void aReplayRebuildsEveryProjectionEqualToTheLiveOne() {
        JsonNode started = api.queryService("auditor", "POST", "/api/admin/replay").json();
        String previous = started.path("previousGeneration").asText();
        String next = started.path("generation").asText();
        JsonNode done = api.awaitQuery("auditor", "/api/admin/replay",
                r -> !"RUNNING".equals(r.json().path("state").asText()), Duration.ofSeconds(60)).json();
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("eventsDone").asLong()).isEqualTo(done.path("eventsTotal").asLong()).isGreaterThan(220);
        assertThat(api.query("auditor", "/api/admin/generations").json().path("live").asText()).isEqualTo(next);

        JsonNode comparison = api.query("auditor", "/api/admin/generations/comparison?a=" + previous + "&b=" + next).json();
        assertThat(comparison.path("equal").asBoolean()).as(comparison.toString()).isTrue();
        assertThat(comparison.path("collections").path("submissions").path("documentsB").asInt()).isGreaterThanOrEqualTo(55);

        String txt = new String(api.download("/api/consultations/" + consultation + "/table?format=txt"), StandardCharsets.UTF_8);
        assertThat(txt).as("the published table reads the same from the rebuilt views").isEqualTo(Fixtures.seedText(SeedJourneyIT.SEED));
        assertThat(api.queryService("auditor", "DELETE", "/api/admin/generations/" + next).status()).as("the live one stays").isEqualTo(409);

        String after = consultation + "-after-replay";
        api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"重建之后"}"""
                .formatted(after, consultation));
        api.awaitQuery("supervisor", "/api/submissions/" + after, r -> r.status() == 200, Duration.ofSeconds(10));
        assertThat(api.queryService("auditor", "DELETE", "/api/admin/generations/" + previous).status()).isEqualTo(200);
        assertThat(api.query("supervisor", "/actuator/metrics/consultdesk.feed.lag").status()).isEqualTo(200);
    }

    @Test
    void theHtmlTableAndThePagesSayWhatTheBrowserMayLoad() {
        String policy = api.queryHeader("/api/consultations/" + consultation + "/table?format=html", "Content-Security-Policy");
        assertThat(policy).as("the public HTML table").contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(api.queryHeader("/board", "Content-Security-Policy")).as("a page, even when refused").contains("default-src 'none'");
    }
}
