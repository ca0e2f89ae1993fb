package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What receiving a comment costs command-service in MongoDB round trips, read from its own count of the
 * commands it sends ({@code consultdesk.mongo.commands}): a fixed handful of key lookups and writes, the
 * same at any size of the store — never a scan that grows with it. The relay's reads run meanwhile and
 * are included.
 */
class RoundTripsIT {

    private static final int COMMENTS = 40;

    @Test
    void receivingACommentCostsAFixedHandfulOfRoundTrips() {
        Api api = Stack.on(Infrastructure.EMBEDDED).api();
        String consultation = Fixtures.openConsultation(api);
        String warmUp = "rt-" + UUID.randomUUID();
        receive(api, consultation, warmUp);
        api.awaitQuery("supervisor", "/api/submissions/" + warmUp, r -> r.status() == 200, Duration.ofSeconds(30));

        Map<String, Double> before = commandsByName(api);
        String last = null;
        Random words = new Random(7);
        for (int i = 0; i < COMMENTS; i++) {
            last = "rt-" + UUID.randomUUID();
            // every other comment a copy of the warm-up's, which joins its campaign; the others each unlike any other
            receive(api, consultation, last, i % 2 == 0 ? COPY : "第（三）条建议" + distinct(words));
        }
        String lastId = last;
        api.awaitQuery("supervisor", "/api/submissions/" + lastId, r -> r.status() == 200, Duration.ofSeconds(30));
        Map<String, Double> after = commandsByName(api);

        Map<String, Double> perComment = new TreeMap<>();
        after.forEach((command, count) -> perComment.put(command, (count - before.getOrDefault(command, 0.0)) / COMMENTS));
        Map<String, Double> request = new TreeMap<>();
        perComment.forEach((key, value) -> {
            if (key.startsWith("request/") && value > 0) {
                request.put(key.substring("request/".length()), value);
            }
        });
        double total = request.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("round trips per received comment: %.2f on the request %s; all paths %s%n", total, request, perComment);
        // by design: "already received?" and "consultation unchanged?" (two key lookups), the sealed
        // submitter's key (an insert), the append (reserve positions, insert its events), the item's place
        // among its consultation's items (an insert under its arrival number; the numbers are reserved a thousand
        // at a time, so that reservation falls outside these forty); and campaign detection's two: a copy reads its
        // bands and the clusters they lead to (two finds), any other comment reads its bands and is remembered (a
        // find and a bulk update) — half of each here
        assertThat(request).as("MongoDB commands per received comment, on the request's path")
                .containsExactlyInAnyOrderEntriesOf(Map.of("find", 2.0 + 1.5, "insert", 3.0, "findAndModify", 1.0, "update", 0.5));
    }

    private static final String COPY = "第（三）条建议明确智算中心资助比例，对使用国产芯片的智算中心提高资助比例。";

    /** Thirty characters drawn from a hundred: no two such texts share a band. */
    private static String distinct(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.appendCodePoint(0x4E00 + 0x100 + random.nextInt(100) * 7);
        }
        return text.toString();
    }

    private static void receive(Api api, String consultation, String id) {
        receive(api, consultation, id, COPY);
    }

    private static void receive(Api api, String consultation, String id, String opinion) {
        Api.Reply reply = api.command("clerk", "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"%s"}"""
                .formatted(id, consultation, opinion));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static Map<String, Double> commandsByName(Api api) {
        JsonNode metric = api.command("supervisor", "GET", "/actuator/metrics/consultdesk.mongo.commands", null).json();
        Map<String, Double> counts = new TreeMap<>();
        for (String path : values(metric, "path")) {
            for (String command : values(metric, "command")) {
                Api.Reply one = api.command("supervisor", "GET",
                        "/actuator/metrics/consultdesk.mongo.commands?tag=path:" + path + "&tag=command:" + command, null);
                if (one.status() == 200) {
                    counts.put(path + "/" + command, one.json().path("measurements").get(0).path("value").asDouble());
                }
            }
        }
        return counts;
    }

    private static List<String> values(JsonNode metric, String tag) {
        List<String> values = new ArrayList<>();
        for (JsonNode t : metric.path("availableTags")) {
            if (t.path("tag").asText().equals(tag)) {
                t.path("values").forEach(v -> values.add(v.asText()));
            }
        }
        return values;
    }
}
