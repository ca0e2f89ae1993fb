package io.consultdesk.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.consultdesk.localstack.ConsultDeskClient;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How soon a comment answered 201 is in the read model, at a steady rate: comments sent on a fixed schedule
 * (each send on its own thread, so a slow answer delays no later send), and one watcher asking the read
 * model for every comment not yet seen, all in one {@code $in} by {@code _id}, every {@value #WATCH_MS} ms.
 * <p>
 * Why one watcher: polling each comment over HTTP every few milliseconds (as this measure first did) made
 * thousands of authenticated requests a second to query-service while it applied the same comments, and
 * measured the load it caused. The watcher reads the item documents query-service serves its item API from
 * (by key), so a comment counts as visible when the service could answer it.
 */
final class Freshness {

    static final int WATCH_MS = 5;

    private final ConsultDeskClient clerk;
    private final MongoClient mongo;
    private final String commandUrl;
    private final String consultation;

    Freshness(ConsultDeskClient clerk, MongoClient mongo, String commandUrl, String consultation) {
        this.clerk = clerk;
        this.mongo = mongo;
        this.commandUrl = commandUrl;
        this.consultation = consultation;
    }

    /** Sends {@code count} comments at {@code perSecond}; milliseconds from each 201 to its item in the read model. */
    List<Double> measure(int count, int perSecond) throws Exception {
        Map<String, Long> pending = new ConcurrentHashMap<>();
        List<Double> latencies = new ArrayList<>();
        MongoCollection<Document> items = mongo.getDatabase("consultdesk_views")
                .getCollection("submissions_" + Export.liveGeneration(mongo.getDatabase("consultdesk_views")));
        ScheduledExecutorService schedule = Executors.newScheduledThreadPool(1);
        ExecutorService senders = Executors.newCachedThreadPool();
        List<Future<?>> sent = new ArrayList<>();
        long periodNanos = 1_000_000_000L / perSecond;
        for (int i = 0; i < count; i++) {
            int n = i;
            sent.add(schedule.schedule(() -> senders.submit(() -> send(n, pending)), i * periodNanos, TimeUnit.NANOSECONDS));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120 + count / perSecond);
        while (latencies.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(latencies.size() + " of " + count + " comments seen in the read model in time");
            }
            if (!pending.isEmpty()) {
                List<String> ids = new ArrayList<>(pending.keySet());
                items.find(new Document("_id", new Document("$in", ids))).projection(new Document("_id", 1))
                        .batchSize(ids.size()).forEach(d -> {
                            Long accepted = pending.remove(d.getString("_id"));
                            if (accepted != null) {
                                latencies.add((System.nanoTime() - accepted) / 1e6);
                            }
                        });
            }
            Thread.sleep(WATCH_MS);
        }
        for (Future<?> f : sent) {
            f.get();
        }
        schedule.shutdown();
        senders.shutdown();
        return latencies;
    }

    private void send(int n, Map<String, Long> pending) {
        String id = "fresh-" + UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"consultationId\":\"" + consultation
                + "\",\"submitter\":{\"name\":\"王五\",\"kind\":\"PERSON\"},\"opinion\":\"建议" + n + "\"}";
        if (!clerk.send("POST", commandUrl + "/api/submissions", "application/json", body).ok()) {
            throw new IllegalStateException("submission refused");
        }
        pending.put(id, System.nanoTime());
    }
}
