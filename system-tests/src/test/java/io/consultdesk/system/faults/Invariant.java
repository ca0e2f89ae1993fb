package io.consultdesk.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.consultdesk.system.Api;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after every fault: the read side holds exactly the events the event store holds (by
 * event id), every aggregate's applied sequence numbers run 0…n without a gap, each item document has
 * applied exactly its last event, and a full replay produces documents equal to the live ones.
 */
final class Invariant {

    private Invariant() {
    }

    static void holds(FaultStack stack, Duration within) {
        holds(stack, within, Set.of());
    }

    /** As {@link #holds(FaultStack, Duration)}, leaving out aggregates a test forged straight onto the topic. */
    static void holds(FaultStack stack, Duration within, Set<String> forgedAggregates) {
        holds(stack.mongoClient, stack.api, within, forgedAggregates);
    }

    /** As above, on any stack: its store, and a query-service ({@code api}) to run the replay on. */
    static void holds(MongoClient mongo, Api api, Duration within, Set<String> forgedAggregates) {
        MongoDatabase events = mongo.getDatabase("consultdesk_events");
        MongoDatabase views = mongo.getDatabase("consultdesk_views");
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> stored = Set.of();
        Set<String> applied = Set.of();
        while (System.nanoTime() < deadline) {
            // every event of the log (tombstones, which settle positions that hold no event, have no event id)
            stored = ids(events.getCollection("events").find().projection(Projections.include("eventIdentifier")), "eventIdentifier");
            applied = ids(views.getCollection("history_" + generation(views))
                    .find(Filters.nin("aggregateId", forgedAggregates)).projection(Projections.include("_id")), "_id");
            if (stored.equals(applied)) {
                break;
            }
            sleep(200);
        }
        Set<String> missing = new HashSet<>(stored);
        missing.removeAll(applied);
        Set<String> extra = new HashSet<>(applied);
        extra.removeAll(stored);
        assertThat(missing).as("events in the store but not on the read side").isEmpty();
        assertThat(extra).as("events on the read side that the store does not have").isEmpty();

        String generation = generation(views);
        Map<String, List<Long>> sequences = new HashMap<>();
        for (Document d : views.getCollection("history_" + generation).find(Filters.nin("aggregateId", forgedAggregates))) {
            sequences.computeIfAbsent(d.getString("aggregateId"), k -> new ArrayList<>()).add(d.get("sequence", Number.class).longValue());
        }
        sequences.forEach((id, seq) -> {
            seq.sort(null);
            for (int i = 0; i < seq.size(); i++) {
                assertThat(seq.get(i)).as("sequence %d of %s", i, id).isEqualTo(i);
            }
        });
        for (Document item : views.getCollection("submissions_" + generation).find(Filters.nin("_id", forgedAggregates))) {
            List<Long> seq = sequences.get(item.getString("_id"));
            assertThat(item.get("lastSequence", Number.class).longValue()).as("item %s", item.getString("_id"))
                    .isEqualTo(seq.get(seq.size() - 1));
        }
        replayEqualsLive(api);
    }

    static void replayEqualsLive(Api api) {
        JsonNode started = api.queryService("auditor", "POST", "/api/admin/replay").json();
        String previous = started.path("previousGeneration").asText();
        String next = started.path("generation").asText();
        JsonNode done = api.awaitQuery("auditor", "/api/admin/replay",
                r -> !"RUNNING".equals(r.json().path("state").asText()), Duration.ofSeconds(120)).json();
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        JsonNode comparison = api.query("auditor", "/api/admin/generations/comparison?a=" + previous + "&b=" + next).json();
        assertThat(comparison.path("equal").asBoolean()).as(comparison.toString()).isTrue();
        api.queryService("auditor", "DELETE", "/api/admin/generations/" + previous);
    }

    static String generation(MongoDatabase views) {
        Document pointer = views.getCollection("view_generations").find(Filters.eq("_id", "current")).first();
        return pointer == null ? "g1" : pointer.getString("generation");
    }

    private static Set<String> ids(Iterable<Document> docs, String field) {
        Set<String> ids = new HashSet<>();
        docs.forEach(d -> {
            if (d.get(field) != null) {
                ids.add(String.valueOf(d.get(field)));
            }
        });
        return ids;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
