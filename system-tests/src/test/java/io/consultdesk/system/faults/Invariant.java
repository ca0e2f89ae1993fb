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
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after every fault: the read side holds exactly the events the event store holds (by
 * event id), every aggregate's applied sequence numbers run 0…n without a gap, each item document has
 * applied exactly its last event, the dashboards' summary documents equal a recount of the item documents
 * (and no item still owes them a delta), each bureau's list names every item it has, and a full replay produces
 * documents equal to the live ones.
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
        summariesEqualARecount(views, generation, deadline);
        bureauListsNameEveryItem(views, generation, forgedAggregates);
        replayEqualsLive(api);
    }

    /**
     * Each bureau's list of a consultation's items (what the board reads a bureau's pages from) names every item the
     * bureau has: a list may name more (items that left, or came back) but never miss one.
     */
    static void bureauListsNameEveryItem(MongoDatabase views, String generation, Set<String> forgedAggregates) {
        assertThat(views.getCollection("arrivals_" + generation).find(Filters.eq("_id", "bureau_arrivals#complete")).first())
                .as("a generation begun empty lists every item").isNotNull();
        Set<String> listed = new HashSet<>();
        for (Document entry : views.getCollection("bureau_arrivals_" + generation).find()) {
            String key = entry.getString("_id");
            listed.add(key.substring(0, key.lastIndexOf('|')) + "|" + entry.getString("item"));
        }
        for (Document item : views.getCollection("submissions_" + generation).find(Filters.nin("_id", forgedAggregates))) {
            for (String bureau : item.getList("bureaus", String.class, List.of())) {
                assertThat(listed).as("item %s in %s's list", item.getString("_id"), bureau)
                        .contains(item.getString("consultationId") + "|" + bureau + "|" + item.getString("_id"));
            }
        }
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

    /**
     * The live summary documents ({@code summaries_<g>}, counters under {@code n}) hold exactly what a recount of
     * the item documents gives, written here independently of query-service: per scope (consultation or all ×
     * everyone or one bureau among the item's bureaus) total, by state, by outcome and its class, open items by due
     * instant, open items waiting for co-handlers (and for which), per lead bureau (states, outcomes and classes, due
     * instants, whole hours from assignment to decision or, decided in the import that received it, imported), per
     * cited clause (items, outcomes). Waits until the feed is idle: a batch folds its summaries after writing its items.
     */
    static void summariesEqualARecount(MongoDatabase views, String generation, long deadline) {
        Map<String, Map<String, Long>> recount = Map.of();
        Map<String, Map<String, Long>> stored = Map.of();
        Map<Object, Object> owed = Map.of();
        long until = Math.max(deadline, System.nanoTime() + Duration.ofSeconds(20).toNanos());
        // a batch folds its deltas into the summaries, then clears them from its items: wait for both
        while (System.nanoTime() < until) {
            recount = recount(views.getCollection("submissions_" + generation).find());
            stored = new TreeMap<>();
            for (Document d : views.getCollection("summaries_" + generation).find()) {
                Map<String, Long> counters = new TreeMap<>();
                flatten("", d.get("n", new Document()), counters);
                if (!counters.isEmpty()) {
                    stored.put(d.getString("_id"), counters);
                }
            }
            owed = new TreeMap<>();
            for (Document item : views.getCollection("submissions_" + generation).find()) {
                Document deltas = item.get("summaryOwed", new Document());
                if (!deltas.isEmpty()) {
                    owed.put(item.get("_id"), deltas);
                }
            }
            if (stored.equals(recount) && owed.isEmpty()) {
                break;
            }
            sleep(250);
        }
        assertThat(stored).as("summary documents against a recount of the items").isEqualTo(recount);
        assertThat(owed).as("items whose deltas the summaries still owe").isEmpty();
    }

    private static Map<String, Map<String, Long>> recount(Iterable<Document> items) {
        Map<String, Map<String, Long>> all = new TreeMap<>();
        for (Document item : items) {
            String consultation = item.getString("consultationId");
            if (consultation == null) {
                continue;
            }
            Map<String, Long> c = new TreeMap<>();
            String state = item.getString("state");
            String outcome = item.getString("outcome");
            String outcomeClass = item.getString("outcomeClass");
            String lead = item.getString("leadBureau");
            Date due = item.getDate("dueAt");
            boolean open = ("RECEIVED".equals(state) || "ASSIGNED".equals(state)) && due != null;
            c.merge("total", 1L, Long::sum);
            c.merge("state." + seg(state), 1L, Long::sum);
            if (outcome != null) {
                c.merge("outcome." + seg(outcome), 1L, Long::sum);
            }
            if (outcomeClass != null) {
                c.merge("outcomeClass." + seg(outcomeClass), 1L, Long::sum);
            }
            if (open) {
                c.merge("due." + due.getTime(), 1L, Long::sum);
            }
            // an open item still waiting for co-handlers' opinions, once, and once for each bureau it waits for
            List<String> awaited = item.getList("awaitingCoHandlers", String.class, List.of());
            if ("ASSIGNED".equals(state) && !awaited.isEmpty()) {
                c.merge("awaitingCoHandlers", 1L, Long::sum);
                new LinkedHashSet<>(awaited).forEach(b -> c.merge("awaitedFrom." + seg(b), 1L, Long::sum));
            }
            if (lead != null) {
                String b = "bureau." + seg(lead) + ".";
                c.merge(b + "state." + seg(state), 1L, Long::sum);
                if (outcome != null) {
                    c.merge(b + "outcome." + seg(outcome), 1L, Long::sum);
                }
                if (outcomeClass != null) {
                    c.merge(b + "outcomeClass." + seg(outcomeClass), 1L, Long::sum);
                }
                if (open) {
                    c.merge(b + "due." + due.getTime(), 1L, Long::sum);
                }
                Object receivedIn = item.get("receivedCorrelationId");
                boolean imported = receivedIn != null && receivedIn.equals(item.get("decisionCorrelationId"));
                if (imported && item.getDate("assignedAt") != null && item.getDate("decidedAt") != null) {
                    // decided in the unit of work that received it (an imported table with 采纳情况): not timed
                    c.merge(b + "imported", 1L, Long::sum);
                } else if (item.getDate("assignedAt") != null && item.getDate("decidedAt") != null) {
                    long hours = Math.max(0, (item.getDate("decidedAt").getTime() - item.getDate("assignedAt").getTime()) / 3_600_000);
                    c.merge(b + "hours." + hours, 1L, Long::sum);
                }
            }
            for (String clause : new LinkedHashSet<>(item.getList("citedClauses", String.class, List.of()))) {
                c.put("clause." + seg(clause) + ".items", 1L);
                if (outcome != null) {
                    c.put("clause." + seg(clause) + ".outcome." + seg(outcome), 1L);
                }
            }
            Set<String> bureaus = new LinkedHashSet<>();
            bureaus.add("*");
            bureaus.addAll(item.getList("bureaus", String.class, List.of()));
            for (String scope : List.of(consultation, "*")) {
                for (String bureau : bureaus) {
                    Map<String, Long> into = all.computeIfAbsent(scope + "|" + bureau, k -> new TreeMap<>());
                    c.forEach((path, n) -> into.merge(path, n, Long::sum));
                }
            }
        }
        return all;
    }

    /** A counter path segment as query-service writes it: no dots, no leading $, never empty. */
    private static String seg(String text) {
        return text == null || text.isEmpty() ? "%00" : text.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    private static void flatten(String prefix, Document d, Map<String, Long> into) {
        d.forEach((k, v) -> {
            if (v instanceof Document sub) {
                flatten(prefix + k + ".", sub, into);
            } else if (v instanceof Number n && n.longValue() != 0) {
                into.put(prefix + k, n.longValue());
            }
        });
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
