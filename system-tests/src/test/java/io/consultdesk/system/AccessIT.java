package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: every endpoint against every role (allowed, or refused with 403, or 401 for the
 * public), a bureau's items hidden from other bureaus, and a submitter erased without touching history.
 */
class AccessIT {

    static final List<String> USERS = List.of("public", "clerk", "official-gxj", "supervisor", "auditor", "admin");
    private static Api api;

    @BeforeAll
    static void stack() {
        api = Stack.on(Infrastructure.EMBEDDED).api();
    }

    /** An endpoint, the body it is called with, and the users allowed through (the public is "public"). */
    record Endpoint(boolean query, String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> matrix() {
        String none = "no-such-" + UUID.randomUUID();
        List<Endpoint> endpoints = List.of(
                new Endpoint(false, "POST", "/api/submissions", "{}", Set.copyOf(USERS)),
                new Endpoint(false, "POST", "/api/consultations", "{}", Set.of("supervisor", "admin")),
                new Endpoint(false, "PUT", "/api/consultations/" + none + "/clauses", "[]", Set.of("supervisor", "admin")),
                new Endpoint(false, "POST", "/api/consultations/" + none + "/closure", "{}", Set.of("admin", "supervisor")),
                new Endpoint(false, "POST", "/api/consultations/" + none + "/publication", "{}", Set.of("supervisor")),
                new Endpoint(false, "GET", "/api/consultations/" + none + "/publication/1", null, Set.of("supervisor")),
                new Endpoint(false, "POST", "/api/consultations/" + none + "/imports", "{}", Set.of("clerk", "supervisor")),
                new Endpoint(false, "POST", "/api/submissions/" + none + "/decision", "{\"outcome\":\"采纳\"}", Set.of("official-gxj", "supervisor")),
                new Endpoint(false, "POST", "/api/submissions/" + none + "/co-handling-opinion", "{\"opinion\":\"同意\"}",
                        Set.of("official-gxj")),
                new Endpoint(false, "POST", "/api/submissions/" + none + "/assignment",
                        "{\"leadBureau\":\"甲\",\"reason\":\"因\"}", Set.of("supervisor")),
                new Endpoint(false, "POST", "/api/submissions/" + none + "/withdrawal", "{}", Set.of("clerk", "supervisor")),
                new Endpoint(false, "POST", "/api/submissions/" + none + "/rejection", "{\"reason\":\"广告\"}", Set.of("clerk", "supervisor")),
                new Endpoint(false, "POST", "/api/submissions/" + none + "/duplicate-of", "{\"duplicateOf\":\"x\"}", Set.of("clerk", "supervisor")),
                new Endpoint(false, "GET", "/api/submissions/" + none + "/events", null, Set.of("auditor")),
                new Endpoint(false, "GET", "/api/submissions/" + none + "/submitter", null, Set.of("auditor")),
                new Endpoint(false, "DELETE", "/api/submissions/" + none + "/submitter", null, Set.of("auditor")),
                new Endpoint(false, "GET", "/actuator/metrics/jvm.memory.used", null, Set.of("supervisor", "admin")),
                new Endpoint(true, "GET", "/actuator/metrics/consultdesk.feed.held.events", null, Set.of("supervisor", "admin")),
                new Endpoint(true, "GET", "/api/consultations/" + none + "/table", null, Set.copyOf(USERS)),
                new Endpoint(true, "GET", "/api/submissions/" + none, null,
                        Set.of("clerk", "official-gxj", "supervisor", "auditor", "admin")),
                new Endpoint(true, "GET", "/api/consultations", null, Set.of("clerk", "official-gxj", "supervisor", "auditor", "admin")),
                new Endpoint(true, "GET", "/inbox", null, Set.of("clerk", "official-gxj", "supervisor", "auditor", "admin")),
                // a campaign cluster spans bureaus: staff who see every item only
                new Endpoint(true, "GET", "/api/consultations/" + none + "/clusters", null, Set.of("clerk", "supervisor", "auditor", "admin")),
                new Endpoint(true, "GET", "/public/consultations/" + none, null, Set.copyOf(USERS)),
                new Endpoint(true, "GET", "/public/consultations/" + none + "/comparison?from=1&to=2", null, Set.copyOf(USERS)),
                new Endpoint(true, "GET", "/api/consultations/" + none, null,
                        Set.of("clerk", "official-gxj", "supervisor", "auditor", "admin")));
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String user : USERS) {
                cases.add(Arguments.of(endpoint, user));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyEndpointAgainstEveryRole(Endpoint endpoint, String user) {
        String as = user.equals("public") ? null : user;
        Api.Reply reply = endpoint.query()
                ? api.query(as, endpoint.path())
                : api.command(as, endpoint.method(), endpoint.path(), endpoint.body());
        if (endpoint.allowed().contains(user)) {
            // allowed: answered by the endpoint itself — a result or a 4xx about the request, never a server fault
            assertThat(reply.status()).as("%s may call %s: %s", user, endpoint, reply).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(reply.status()).as("%s may not call %s", user, endpoint).isEqualTo(as == null ? 401 : 403);
            assertThat(reply.contentType()).contains("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.");
        }
    }

    @Test
    void anOfficialNeverSeesAnotherBureausItem() {
        String consultation = Fixtures.openConsultation(api);
        String id = "access-" + UUID.randomUUID();
        api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"第（四）条原文建议"}"""
                .formatted(id, consultation));
        JsonNode item = api.awaitQuery("supervisor", "/api/submissions/" + id,
                r -> r.status() == 200 && r.json().path("version").asInt() >= 1, Duration.ofSeconds(10)).json();
        assertThat(item.path("leadBureau").asText()).isEqualTo("市科技创新局");
        assertThat(api.query("official-kcj", "/api/submissions/" + id).status()).isEqualTo(200);
        assertThat(api.query("official-gxj", "/api/submissions/" + id).status()).isEqualTo(404);
    }

    @Test
    void erasingASubmitterRemovesTheirDetailsAndKeepsTheHistory() {
        String consultation = Fixtures.openConsultation(api);
        String id = "erase-" + UUID.randomUUID();
        api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"陈大天","kind":"PERSON","contact":"chen@example.org"},"opinion":"建议"}"""
                .formatted(id, consultation));
        JsonNode submitter = api.command("auditor", "GET", "/api/submissions/" + id + "/submitter", null).json();
        assertThat(submitter.path("name").asText()).isEqualTo("陈大天");
        assertThat(submitter.path("contact").asText()).isEqualTo("chen@example.org");
        JsonNode history = api.command("auditor", "GET", "/api/submissions/" + id + "/events", null).json();
        assertThat(history.toString()).as("the stored events hold no personal data in the clear")
                .doesNotContain("陈大天").doesNotContain("chen@example.org");
        assertThat(history.get(0).path("metaData").path("actor").asText()).isEqualTo("public");

        Api.Reply erased = api.command("auditor", "DELETE", "/api/submissions/" + id + "/submitter", null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("keyDeleted").asBoolean()).isTrue();
        assertThat(api.command("auditor", "GET", "/api/submissions/" + id + "/submitter", null).status()).isEqualTo(410);
        // erasing again is answered the same and records nothing more
        Api.Reply again = api.command("auditor", "DELETE", "/api/submissions/" + id + "/submitter", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        JsonNode after = api.command("auditor", "GET", "/api/submissions/" + id + "/events", null).json();
        assertThat(after.size()).isEqualTo(history.size() + 1);
        assertThat(after.get(after.size() - 1).path("type").asText()).isEqualTo("SubmitterErased");
        assertThat(after.get(after.size() - 1).path("metaData").path("actor").asText()).isEqualTo("auditor");
        JsonNode item = api.awaitQuery("supervisor", "/api/submissions/" + id,
                r -> r.status() == 200 && r.json().path("submitterErased").asBoolean(), Duration.ofSeconds(10)).json();
        assertThat(item.path("submitterPublicName").asText()).isEqualTo("陈*天");
        assertThat(item.path("opinion").asText()).isEqualTo("建议");
    }
}
