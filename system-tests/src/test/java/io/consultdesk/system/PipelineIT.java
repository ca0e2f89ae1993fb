package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton, end to end and over HTTP only: a command into command-service becomes an event in
 * MongoDB, travels through Kafka and shows up in query-service's projection. Runs on the embedded servers
 * and, where Docker exists, on real MongoDB and Kafka in containers.
 */
class PipelineIT {

    @ParameterizedTest
    @EnumSource(Infrastructure.class)
    void aSubmissionPostedToCommandServiceIsVisibleThroughQueryService(Infrastructure infrastructure) {
        Api api = Stack.on(infrastructure).api();
        String consultation = Fixtures.openConsultation(api);
        String id = "pipeline-" + UUID.randomUUID();

        long posted = System.nanoTime();
        Api.Reply created = api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"陈大天","kind":"PERSON","contact":"chen@example.org"},
                 "opinion":"第（十一）条建议增加对具有自研人工智能能力的企业的支持。"}""".formatted(id, consultation));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).isEqualTo(id);

        JsonNode item = api.awaitQuery("supervisor", "/api/submissions/" + id,
                r -> r.status() == 200 && "ASSIGNED".equals(r.json().path("state").asText()), Duration.ofSeconds(10)).json();
        long visibleAfterMs = (System.nanoTime() - posted) / 1_000_000;
        System.out.printf("[%s] POST → visible in query-service after %d ms%n", infrastructure, visibleAfterMs);

        assertThat(item.path("consultationId").asText()).isEqualTo(consultation);
        assertThat(item.path("submitterPublicName").asText()).isEqualTo("陈*天");
        assertThat(item.toString()).doesNotContain("陈大天").doesNotContain("chen@example.org");
        assertThat(item.path("citedClauses").get(0).asText()).isEqualTo("（十一）");
        assertThat(item.path("leadBureau").asText()).isEqualTo("市工业和信息化局");
        assertThat(item.path("version").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Infrastructure.class)
    void receivingTheSameSubmissionTwiceCreatesOneItem(Infrastructure infrastructure) {
        Api api = Stack.on(infrastructure).api();
        String consultation = Fixtures.openConsultation(api);
        String id = "twice-" + UUID.randomUUID();
        String body = """
                {"id":"%s","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"建议增加培训。"}"""
                .formatted(id, consultation);

        assertThat(api.command(null, "POST", "/api/submissions", body).status()).isEqualTo(201);
        Api.Reply again = api.command(null, "POST", "/api/submissions", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("created").asBoolean()).isFalse();

        JsonNode item = api.awaitQuery("supervisor", "/api/submissions/" + id,
                r -> r.status() == 200 && r.json().path("version").asLong() == 1, Duration.ofSeconds(10)).json();
        assertThat(item.path("leadBureau").asText()).as("no citation: the drafting unit triages").isEqualTo("市工业和信息化局");
        assertThat(item.path("triage").asBoolean()).isTrue();
    }
}
