package io.consultdesk.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer.Commit;
import io.consultdesk.localstack.MongoWireServer;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What committing each acknowledged write costs on the file-backed wire server: raw {@code insertOne} and
 * {@code insertMany} rates with 1 and 4 concurrent writers, with the commit on every write (and, beside it,
 * with fsync) next to MVStore's background commit alone. Each measurement gets a fresh server and file;
 * repetitions interleave the modes so that a slow moment of the machine does not fall on one of them.
 *
 * <p>{@code java -jar benchmarks-exec.jar store-commit [--seconds=1] [--reps=3] [--root=.]}; the report goes
 * to {@code benchmarks/results/store-commit-latest.md} and a dated copy.
 */
final class StoreCommitCost {

    private static final int BATCH = 100;
    private static final int[] WRITERS = {1, 4};
    private static final String OPINION = "第（三）条原文“支持智算中心建设”，建议明确资助比例。".repeat(8);

    private record Cell(String operation, int writers, Commit commit) {
    }

    /** Documents per second, per repetition, and commits per acknowledged write. */
    private static final class Result {
        final List<Double> docsPerSecond = new ArrayList<>();
        double commitsPerWrite = Double.NaN;
    }

    private StoreCommitCost() {
    }

    static void run(Map<String, String> options) throws Exception {
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "1"));
        int reps = Integer.parseInt(options.getOrDefault("reps", "3"));
        Path dir = Files.createTempDirectory("consultdesk-store-commit-");
        Map<Cell, Result> results = new LinkedHashMap<>();
        for (String operation : List.of("insertOne", "insertMany")) {
            for (int writers : WRITERS) {
                for (Commit commit : List.of(Commit.BACKGROUND, Commit.ON_WRITE, Commit.ON_WRITE_WITH_FSYNC)) {
                    results.put(new Cell(operation, writers, commit), new Result());
                }
            }
        }
        for (int rep = 1; rep <= reps; rep++) {
            for (Map.Entry<Cell, Result> e : results.entrySet()) {
                measure(e.getKey(), e.getValue(), dir.resolve(UUID.randomUUID() + ".mv"), seconds);
            }
            System.out.printf("store-commit: repetition %d of %d done%n", rep, reps);
        }
        write(root.resolve("benchmarks/results"), results, seconds, reps);
    }

    private static void measure(Cell cell, Result result, Path file, double seconds) throws Exception {
        MongoWireServer server = new MongoWireServer(EmbeddedInfrastructure.freePort(), file, cell.commit()).start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("events");
            events.insertOne(new Document("_id", "warm-up"));
            run(cell, events, 0.3); // connections open, code compiled
            long commitsBefore = server.writeCommits();
            long[] counts = run(cell, events, seconds);
            result.docsPerSecond.add(counts[0] / seconds);
            if (cell.commit() != Commit.BACKGROUND) {
                result.commitsPerWrite = (double) (server.writeCommits() - commitsBefore) / counts[1];
            }
        } finally {
            server.close();
            Files.deleteIfExists(file);
        }
    }

    /** Writes for {@code seconds}; returns documents written and write commands acknowledged in that time. */
    private static long[] run(Cell cell, MongoCollection<Document> events, double seconds) throws Exception {
        AtomicLong docs = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(cell.writers());
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < cell.writers(); w++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    if (cell.operation().equals("insertOne")) {
                        events.insertOne(event());
                        docs.incrementAndGet();
                    } else {
                        List<Document> batch = new ArrayList<>(BATCH);
                        for (int i = 0; i < BATCH; i++) {
                            batch.add(event());
                        }
                        events.insertMany(batch);
                        docs.addAndGet(BATCH);
                    }
                    writes.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return new long[] {docs.get(), writes.get()};
    }

    /** About the size of a stored event (an opinion of a few hundred characters plus metadata). */
    private static Document event() {
        return new Document("_id", UUID.randomUUID().toString()).append("aggregateIdentifier", UUID.randomUUID().toString())
                .append("sequenceNumber", 0L).append("timestamp", Instant.now().toString()).append("payload", OPINION);
    }

    private static void write(Path dir, Map<Cell, Result> results, double seconds, int reps) throws IOException {
        StringBuilder md = new StringBuilder("# Embedded MongoDB: what committing each write costs\n\n")
                .append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; the file-backed wire server (mongo-java-server, H2 MVStore) and the MongoDB driver in one JVM. ")
                .append("Each figure is the median of ").append(reps).append(" measurements of ").append(seconds)
                .append(" s, each on a fresh server and file (spread = (max − min) / median). Documents of about 1 KB; ")
                .append("`insertMany` sends batches of ").append(BATCH).append(".\n\n")
                .append("- **background**: MVStore's own commit, about once a second; acknowledged writes of the last second are lost when the process dies.\n")
                .append("- **on write**: the default — each write command is committed to the file before its reply (concurrent writers share a commit); survives a kill of the process.\n")
                .append("- **on write + fsync**: `--mongo-fsync=true` — also forced to the device; survives power loss.\n\n")
                .append("| operation | writers | background (docs/s) | on write (docs/s) | on write ÷ background | on write + fsync (docs/s) | commits per write (on write) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (String operation : List.of("insertOne", "insertMany")) {
            for (int writers : WRITERS) {
                Map<Commit, Result> row = new EnumMap<>(Commit.class);
                results.forEach((cell, result) -> {
                    if (cell.operation().equals(operation) && cell.writers() == writers) {
                        row.put(cell.commit(), result);
                    }
                });
                double background = Stats.median(row.get(Commit.BACKGROUND).docsPerSecond);
                double onWrite = Stats.median(row.get(Commit.ON_WRITE).docsPerSecond);
                md.append("| `").append(operation).append("` | ").append(writers).append(" | ")
                        .append(rate(row.get(Commit.BACKGROUND))).append(" | ").append(rate(row.get(Commit.ON_WRITE))).append(" | ")
                        .append(Math.round(onWrite / background * 100)).append("% | ")
                        .append(rate(row.get(Commit.ON_WRITE_WITH_FSYNC))).append(" | ")
                        .append(String.format("%.2f", row.get(Commit.ON_WRITE).commitsPerWrite)).append(" |\n");
            }
        }
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Files.writeString(dir.resolve("store-commit-" + stamp + ".md"), md);
        Files.writeString(dir.resolve("store-commit-latest.md"), md);
        System.out.println(md);
        System.out.println("report written to " + dir.resolve("store-commit-" + stamp + ".md"));
    }

    private static String rate(Result result) {
        return Figure.fmt(Stats.median(result.docsPerSecond)) + " (±" + Math.round(Stats.spread(result.docsPerSecond) * 100) + "%)";
    }
}
