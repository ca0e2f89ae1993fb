package io.consultdesk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.consultdesk.localstack.ConsultDeskClient;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.RunningServices;
import io.consultdesk.localstack.ServiceProcess;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code java -jar benchmarks-exec.jar [--sizes=2000,10000] [--reps=3] [--clients=16] [--mongo-uri=… --kafka=…]}:
 * runs every figure, each next to its raw counterpart, and writes the report.
 */
public final class BenchmarkRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] OPINIONS = {
            "第（三）条原文“支持智算中心建设”，建议明确资助比例。", "引用（十一）条，建议将仿生机器人纳入清单。",
            "第（四）条建议采用阶梯式分段资助。", "建议增加发放机器人券。", "第（八）条建议明确数据标注补贴。"};

    private final Map<String, String> options;
    private final List<Figure> figures = new ArrayList<>();
    /** Figures that could not be measured, and why: the report says so instead of the run ending there. */
    private final List<String> failures = new ArrayList<>();
    private ConsultDeskClient client;
    // one HTTP client per role, shared by every thread (java.net.http clients are thread-safe)
    private final ConsultDeskClient clerk = new ConsultDeskClient("clerk", "consultdesk");
    private final ConsultDeskClient supervisor = new ConsultDeskClient("supervisor", "consultdesk");
    private final ConsultDeskClient auditor = new ConsultDeskClient("auditor", "consultdesk");
    private MongoClient mongo;
    private String kafka;
    private String commandUrl;
    private String queryUrl;
    private String consultation;
    private int submitted;
    private ServiceMetrics metrics;

    private BenchmarkRun(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        boolean storeCommit = Arrays.asList(args).contains("store-commit");
        boolean scaleChart = Arrays.asList(args).contains("scale-chart");
        boolean campaignQuality = Arrays.asList(args).contains("campaign-quality");
        boolean campaignCost = Arrays.asList(args).contains("campaign-cost");
        boolean campaignIngest = Arrays.asList(args).contains("campaign-ingest");
        for (String arg : args) {
            if (arg.equals("store-commit") || arg.equals("scale-chart") || arg.equals("campaign-quality") || arg.equals("campaign-cost")
                    || arg.equals("campaign-ingest")) {
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("usage: [store-commit [--seconds=1] [--reps=3]] | [scale-chart --csv=a.csv,b.csv] | [campaign-quality [--orders=5]] | [campaign-cost [--comments=10000] [--copies=0.3]] | [campaign-ingest [--comments=100000] [--copies=0.3] [--clients=16]] | [--sizes=2000] [--backlogs=10000,30000] [--export-rows=1000000] [--reps=3] [--clients=16] [--heap=256m] "
                        + "[--profile=false] [--replay=false] [--mongo-uri=URI --kafka=HOST:PORT] [--root=.]");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        if (storeCommit) {
            StoreCommitCost.run(options);
        } else if (scaleChart) {
            ScaleChart.run(options);
        } else if (campaignQuality) {
            CampaignQualityReport.run(options);
        } else if (campaignCost) {
            CampaignIndexCost.run(options);
        } else if (campaignIngest) {
            CampaignIngestCost.run(options);
        } else {
            new BenchmarkRun(options).run();
        }
        System.exit(0);
    }

    /** What a run measures and how, from its options. */
    private record Settings(Path root, int reps, int clients, long[] sizes, long[] backlogs, String heap, boolean profile, boolean replay) {

        static Settings of(Map<String, String> options) {
            return new Settings(Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize(),
                    Integer.parseInt(options.getOrDefault("reps", "3")), Integer.parseInt(options.getOrDefault("clients", "16")),
                    longs(options.getOrDefault("sizes", "2000")), longs(options.getOrDefault("backlogs", "10000,30000")),
                    options.getOrDefault("heap", "256m"), !"false".equals(options.get("profile")), !"false".equals(options.get("replay")));
        }

        String conditions() {
            return "Services ran with `-Xmx" + heap + "` and full JIT" + (profile ? ", recorded by JFR (profile settings)" : "")
                    + ". Backlog timestamps are spread at " + Backlog.RATE + " events/s (see `Backlog`)."
                    + (replay ? "" : " The full replay was not measured in this run (`--replay=false`).") + "\n\n";
        }
    }

    /** Starts the servers (embedded unless given) and both services, measures, and removes what it started. */
    private void run() throws Exception {
        Settings settings = Settings.of(options);
        Path recordings = settings.root().resolve("benchmarks/target/recordings");
        Files.createDirectories(recordings);
        // full JIT (the launcher trades it for start-up time), the heap cap the export target names, and a
        // flight recording of each service for the profile section of the report
        System.setProperty(ServiceProcess.JVM_OPTIONS, "-XX:TieredStopAtLevel=4 -Xmx" + settings.heap()
                + (settings.profile() ? " -XX:StartFlightRecording=settings=profile,filename=" + recordings.resolve("{name}.jfr") : ""));
        Recording harnessRecording = settings.profile() ? startRecording(recordings.resolve("harness-and-embedded-servers.jfr")) : null;

        long started = System.nanoTime();
        EmbeddedInfrastructure infrastructure = null;
        Path data = null;
        String mongoUri = options.get("mongo-uri");
        kafka = options.get("kafka");
        if (mongoUri == null || kafka == null) {
            data = Files.createTempDirectory("consultdesk-bench-");
            infrastructure = new EmbeddedInfrastructure(EmbeddedInfrastructure.freePort(), EmbeddedInfrastructure.freePort(),
                    EmbeddedInfrastructure.freePort(), data.resolve("kafka"), data.resolve("mongo/bench.mv")).start();
            mongoUri = infrastructure.mongoUri();
            kafka = infrastructure.kafkaBootstrapServers();
        }
        String infraLabel = infrastructure == null ? "given servers (" + mongoUri + ", " + kafka + ")"
                : "embedded Kafka broker and MongoDB wire server (file-backed)";
        RunningServices services = RunningServices.start(settings.root(), settings.root().resolve("benchmarks/target/service-logs"),
                EmbeddedInfrastructure.freePort(), EmbeddedInfrastructure.freePort(), kafka, mongoUri,
                List.of("--consultdesk.public-submissions.per-minute=100000000"));
        try {
            services.awaitHealthy(Duration.ofSeconds(180));
            Figure startup = new Figure("Start-up: run command to both services healthy", "s", 0, null, 20, false, true);
            startup.values.add((System.nanoTime() - started) / 1e9);
            figures.add(startup);
            mongo = MongoClients.create(mongoUri);
            measure(settings, services, infraLabel);
        } finally {
            services.close();
            if (mongo != null) {
                mongo.close();
            }
            if (infrastructure != null) {
                infrastructure.close();
                // a backlog of a million items leaves tens of gigabytes of store and log behind
                deleteRecursively(data);
            }
            if (harnessRecording != null) {
                harnessRecording.stop();
                harnessRecording.close();
            }
        }
        if (settings.profile()) {
            appendProfile(settings.root(), recordings, mongoUri);
        }
    }

    private String notMeasured() {
        return failures.isEmpty() ? "" : "**Not measured** (the query failed; see the harness's log):\n\n"
                + failures.stream().map(f -> "- " + f + "\n").reduce("", String::concat) + "\n";
    }

    /** Every figure, in order: ingest, freshness and reads; then per backlog relay, apply, replay, reads, exports. */
    private void measure(Settings settings, RunningServices services, String infraLabel) throws Exception {
        commandUrl = services.commandUrl();
        queryUrl = services.queryUrl();
        client = new ConsultDeskClient("demo", "consultdesk");
        consultation = openConsultation(settings.root());
        metrics = new ServiceMetrics(supervisor, Map.of("command-service", commandUrl, "query-service", queryUrl));
        System.out.printf("benchmarks on %s: ingest sizes %s, backlogs %s, %d repetitions, %d clients, services at -Xmx%s%n",
                infraLabel, Arrays.toString(settings.sizes()), Arrays.toString(settings.backlogs()), settings.reps(),
                settings.clients(), settings.heap());
        int reps = settings.reps();
        for (long size : settings.sizes()) {
            ingestFigure(size, reps, settings.clients());
        }
        freshness(reps);
        reads(submitted, reps, null);
        heapFigures(submitted);

        Path results = settings.root().resolve("benchmarks/results");
        Report.write(results, figures, infraLabel, reps, settings.clients(), settings.conditions() + "*Partial: before the backlogs.*\n\n");
        Backlog backlog = new Backlog(mongo, kafka);
        Export export = new Export(mongo, queryUrl);
        // exports of tables of given sizes on their own: a table's rows need no backlog of items behind them
        for (long rows : longs(options.getOrDefault("export-rows", ""))) {
            exports(export, rows, 1);
            Report.write(results, figures, infraLabel, reps, settings.clients(), settings.conditions() + notMeasured()
                    + "*Partial: exports of up to " + rows + " rows so far.*\n\n");
        }
        for (long events : settings.backlogs()) {
            metrics.resetPeaks();
            backlogFigures(services, backlog, events, events <= 20_000 ? reps : 1);
            if (settings.replay()) {
                replayFigure(backlog, events <= 20_000 ? reps : 1);
            }
            reads(submitted, reps, backlog.template());
            // the report so far, before the exports write a table of as many rows: a run that stops there keeps it
            Report.write(results, figures, infraLabel, reps, settings.clients(),
                    settings.conditions() + notMeasured() + "*Partial: backlogs up to " + events + " events, before their exports.*\n\n");
            exports(export, submitted, reps);
            heapFigures(events);
            Report.write(results, figures, infraLabel, reps, settings.clients(),
                    settings.conditions() + notMeasured() + "*Partial: backlogs up to " + events + " events so far.*\n\n");
        }
        metrics.close();
        Report.write(results, figures, infraLabel, reps, settings.clients(), settings.conditions() + notMeasured());
    }

    private static Recording startRecording(Path destination) throws Exception {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(destination);
        recording.start();
        return recording;
    }

    /** Ingest over REST by {@code clients} concurrent clients, next to raw {@code insertOne} at the same size. */
    private void ingestFigure(long size, int reps, int clients) throws Exception {
        Figure ingest = new Figure("Ingest: submissions received over REST", "items/s", size, "raw insertOne", 0.5, true, false);
        Figure trips = new Figure("Round trips to MongoDB per comment received (command-service, all paths)", "commands", size,
                null, Double.NaN, false, true);
        Figure applyTrips = new Figure("Round trips to MongoDB per comment applied (query-service's feed)", "commands", size,
                null, Double.NaN, false, true);
        for (int rep = 1; rep <= reps; rep++) {
            double raw = rawInsertRate((int) size, clients);
            double sent = metrics.roundTrips(commandUrl, null);
            double applied = metrics.roundTrips(queryUrl, "feed");
            long t0 = System.nanoTime();
            double rate = ingestRate((int) size, clients);
            double caughtUp = awaitReadSide(t0);
            ingest.values.add(rate);
            ingest.raw.add(raw);
            trips.values.add((metrics.roundTrips(commandUrl, null) - sent) / size);
            applyTrips.values.add((metrics.roundTrips(queryUrl, "feed") - applied) / size);
            System.out.printf("  ingest %d, rep %d: %.0f/s (raw insertOne %.0f/s); read side caught up %.1f s after the first request;"
                            + " %.1f round trips per comment received, %.1f per comment applied%n",
                    size, rep, rate, raw, caughtUp, trips.values.get(rep - 1), applyTrips.values.get(rep - 1));
        }
        figures.add(ingest);
        figures.add(trips);
        figures.add(applyTrips);
    }

    /** A full replay of every projection, next to raw consume + insert of the same topics. */
    private void replayFigure(Backlog backlog, int reps) throws Exception {
        Figure replay = new Figure("Replay: full rebuild of every projection", "events/s", backlog.endOffsets(),
                "raw consume + insertMany", 0.5, true, false);
        Figure trips = new Figure("Round trips to MongoDB per event replayed (query-service)", "commands", replay.size,
                null, Double.NaN, false, true);
        for (int rep = 1; rep <= reps; rep++) {
            double sent = metrics.roundTrips(queryUrl, "replay");
            replay.values.add(replayRate());
            trips.values.add((metrics.roundTrips(queryUrl, "replay") - sent) / replay.size);
            replay.raw.add(rawConsumeAndInsertRate());
            System.out.printf("  replay of %d events, rep %d: %.0f/s (raw %.0f/s), %.3f round trips per event%n", replay.size, rep,
                    replay.values.get(replay.values.size() - 1), replay.raw.get(replay.raw.size() - 1), trips.values.get(rep - 1));
        }
        figures.add(replay);
        figures.add(trips);
    }

    /** Where the time went, from the flight recordings of the services and of this JVM (the embedded servers). */
    private void appendProfile(Path root, Path recordings, String mongoUri) throws Exception {
        Map<Integer, String> peers = Map.of(
                URI.create(mongoUri.replaceFirst(",.*", "")).getPort(), "MongoDB",
                Integer.parseInt(kafka.replaceFirst(",.*", "").replaceFirst(".*:", "")), "Kafka");
        StringBuilder where = new StringBuilder("\n## Where the time goes\n\nFlight recordings of the whole run ("
                + recordings + "). The embedded MongoDB wire server and Kafka broker run inside the harness's JVM.\n\n");
        for (String name : List.of("command-service", "query-service", "harness-and-embedded-servers")) {
            where.append(Profile.read(name, recordings.resolve(name + ".jfr"), peers).markdown());
        }
        Report.appendToLatest(root.resolve("benchmarks/results"), where.toString());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long[] longs(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    /**
     * A backlog of {@code events} appended to the store while query-service is stopped: the relay's rate
     * into Kafka, then query-service started and its rate applying the backlog; each next to its raw
     * counterpart on the same servers.
     */
    private void backlogFigures(RunningServices services, Backlog backlog, long events, int reps) throws Exception {
        Figure relay = new Figure("Relay: backlog from the event store into Kafka", "events/s", events,
                "raw find + produce", 0.5, true, false);
        Figure projection = new Figure("Projection: backlog applied by query-service", "events/s", events,
                "raw consume + insertMany", 0.5, true, false);
        Figure relayTrips = new Figure("Round trips to MongoDB per event relayed (command-service's relay)", "commands", events,
                null, Double.NaN, false, true);
        Figure applyTrips = new Figure("Round trips to MongoDB per event applied (query-service's feed)", "commands", events,
                null, Double.NaN, false, true);
        for (int rep = 1; rep <= reps; rep++) {
            services.query().close();
            long base = backlog.endOffsets();
            double relayed = metrics.roundTrips(commandUrl, "relay");
            long t0 = System.nanoTime();
            long written = backlog.append((int) (events / 2));
            double relaySeconds = backlog.awaitRelayed(base, written, t0);
            relay.values.add(written / relaySeconds);
            relayTrips.values.add((metrics.roundTrips(commandUrl, "relay") - relayed) / written);
            relay.raw.add(backlog.rawReadAndProduce(written));
            submitted += (int) (written / 2);

            services.query().start();
            services.query().awaitHealthy(Duration.ofSeconds(120));
            long t1 = System.nanoTime();
            double drainSeconds = awaitReadSide(t1);
            projection.values.add(written / drainSeconds);
            // query-service started afresh: its feed's count is the backlog's (and the few board reads' of the wait: request path)
            applyTrips.values.add(metrics.roundTrips(queryUrl, "feed") / written);
            projection.raw.add(rawConsumeAndInsertRate());
            // each figure in the log as soon as it is measured: a run that stops later keeps what it measured
            System.out.printf("  backlog %d, rep %d: relayed at %.0f/s (raw %.0f/s), applied at %.0f/s once query-service was up (raw %.0f/s)%n",
                    written, rep, written / relaySeconds, relay.raw.get(relay.raw.size() - 1), written / drainSeconds,
                    projection.raw.get(projection.raw.size() - 1));
        }
        figures.add(relay);
        figures.add(projection);
        figures.add(relayTrips);
        figures.add(applyTrips);
    }

    /** Each service's heap at its peak while the figures since the last reset were measured (sampled once a second). */
    private void heapFigures(long size) {
        for (String service : List.of("command-service", "query-service")) {
            Figure used = new Figure("Heap at its peak, " + service + " (-Xmx of the run)", "MB", size, null, Double.NaN, false, true);
            used.values.add(metrics.peakUsedMb(service));
            Figure live = new Figure("Heap's long-lived pool after a collection, at its peak, " + service, "MB", size, null, Double.NaN,
                    false, true);
            live.values.add(metrics.peakLiveMb(service));
            figures.add(used);
            figures.add(live);
            System.out.printf("  heap of %s up to %d: peak %.0f MB, after a collection %.0f MB%n", service, size, used.median(), live.median());
        }
    }

    /** The table of {@code rows} rows exported as CSV and XLSX, next to reading its rows raw. */
    private void exports(Export export, long rows, int reps) throws Exception {
        String table = export.publishTable((int) rows);
        for (String format : List.of("csv", "xlsx")) {
            Figure f = new Figure("Export: published table as " + format.toUpperCase(), "rows/s", rows, "raw key reads", 50_000, false, false);
            for (int rep = 1; rep <= reps; rep++) {
                f.values.add(export.exportRate(table, (int) rows, format));
                f.raw.add(export.rawReadRate(table, (int) rows));
            }
            figures.add(f);
        }
    }

    private String openConsultation(Path root) throws Exception {
        String id = "bench-" + UUID.randomUUID();
        client.send("POST", commandUrl + "/api/consultations", "application/json",
                "{\"id\":\"" + id + "\",\"title\":\"若干措施\",\"draftingUnit\":\"市工业和信息化局\",\"handlingWorkingDays\":1}");
        Path clauses = root.resolve("seed").resolve("clauses.tsv");
        if (Files.isRegularFile(clauses)) {
            client.send("PUT", commandUrl + "/api/consultations/" + id + "/clauses", "text/tab-separated-values", Files.readString(clauses));
        }
        return id;
    }

    /** Receives {@code n} comments from {@code clients} concurrent HTTP clients; items per second. */
    private double ingestRate(int n, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                ConsultDeskClient http = clerk;
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    String body = "{\"consultationId\":\"" + consultation + "\",\"submitter\":{\"name\":\"深圳市星河" + i
                            + "科技有限公司\",\"kind\":\"ORGANISATION\"},\"opinion\":\"" + OPINIONS[i % OPINIONS.length] + i + "\"}";
                    if (!http.send("POST", commandUrl + "/api/submissions", "application/json", body).ok()) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " submissions were refused during the ingest benchmark");
        }
        submitted += n;
        return n / seconds;
    }

    /** The same number of similar documents written one by one from as many threads, straight to the server. */
    private double rawInsertRate(int n, int clients) throws Exception {
        MongoCollection<Document> raw = mongo.getDatabase("bench_raw").getCollection("insert_" + UUID.randomUUID().toString().replace("-", ""));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    raw.insertOne(new Document("_id", UUID.randomUUID().toString()).append("consultationId", consultation)
                            .append("opinion", OPINIONS[i % OPINIONS.length] + i).append("at", new Date()));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        raw.drop();
        return rate;
    }

    /**
     * Seconds from {@code t0} until the read side shows every submitted item. Asked twice a second: the
     * count scans every item on a store without secondary indexes, and asking more often would load the
     * very server being measured.
     */
    private double awaitReadSide(long t0) throws Exception {
        String url = queryUrl + "/api/board?size=1&consultation=" + consultation;
        int last = -1;
        while (true) {
            int total = JSON.readTree(supervisor.get(url).body()).path("total").asInt();
            if (total >= submitted) {
                return (System.nanoTime() - t0) / 1e9;
            }
            if (total / 1000 != last / 1000) {
                System.out.printf("    read side: %d of %d items%n", total, submitted);
            }
            last = total;
            Thread.sleep(500);
        }
    }

    /** Every record of the event topics consumed from the start and written with insertMany: the raw pipeline's events/s. */
    private double rawConsumeAndInsertRate() {
        MongoCollection<Document> raw = mongo.getDatabase("bench_raw").getCollection("events_" + UUID.randomUUID().toString().replace("-", ""));
        long t0 = System.nanoTime();
        long count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("consultdesk.submissions.v1", "consultdesk.consultations.v1")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Document> batch = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    batch.add(Document.parse(r.value()));
                    count++;
                    if (batch.size() == 1000) {
                        raw.insertMany(batch);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                raw.insertMany(batch);
            }
        }
        double rate = count / ((System.nanoTime() - t0) / 1e9);
        raw.drop();
        return rate;
    }

    /** Starts a replay and waits for it; events per second as it reports them. */
    private double replayRate() throws Exception {
        JsonNode started = JSON.readTree(auditor.send("POST", queryUrl + "/api/admin/replay", "application/json", "").body());
        String previous = started.path("previousGeneration").asText();
        JsonNode progress;
        do {
            Thread.sleep(200);
            progress = JSON.readTree(auditor.get(queryUrl + "/api/admin/replay").body());
        } while ("RUNNING".equals(progress.path("state").asText()));
        if (!"DONE".equals(progress.path("state").asText())) {
            throw new IllegalStateException("replay failed: " + progress);
        }
        auditor.send("DELETE", queryUrl + "/api/admin/generations/" + previous, "application/json", "");
        double seconds = Duration.between(Instant.parse(progress.path("startedAt").asText()),
                Instant.parse(progress.path("finishedAt").asText())).toMillis() / 1000.0;
        return progress.path("eventsDone").asLong() / Math.max(0.001, seconds);
    }

    /**
     * Board and dashboard latencies at the current size: p95 over repeated queries, each board query next to
     * the same filter, count and first page asked of the same collection raw. {@code copied}: the item the backlogs
     * copy (null before any), whose lead bureau leads most items.
     */
    private void reads(long size, int reps, String copied) throws Exception {
        // the backlog copies one item, so the bureau it is routed to leads most items and every other bureau is rare:
        // "by bureau" asks for a rare one (a few hundred of a million), the next figure for the common one
        String common = copied == null ? null : leadOf(copied);
        String bureau = "市发展改革委".equals(common) ? "市科技创新局" : "市发展改革委";
        String text = "机器人";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("first page", "");
        queries.put("by bureau", "bureau=" + URLEncoder.encode(bureau, StandardCharsets.UTF_8));
        if (common != null) {
            queries.put("by the bureau leading most items", "bureau=" + URLEncoder.encode(common, StandardCharsets.UTF_8));
        }
        queries.put("by state", "state=ASSIGNED");
        queries.put("overdue", "overdue=true");
        queries.put("free text", "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        // a query the store scans takes seconds at a million items: fewer samples there (p95 of 5 is their maximum)
        int samples = size >= 200_000 ? 5 : 20;
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Figure f = new Figure("Status board query p95 (" + q.getKey() + ")", "ms", size, "raw key reads", 50, false, true);
            try {
                for (int rep = 0; rep < reps; rep++) {
                    f.values.add(p95(supervisor, queryUrl + "/api/board?size=50&consultation=" + consultation + "&" + q.getValue(), samples));
                    f.raw.add(rawP95(samples));
                    System.out.printf("  board %s at %d items, rep %d: p95 %.1f ms (raw key reads %.1f ms)%n", q.getKey(), size, rep + 1,
                            f.values.get(f.values.size() - 1), f.raw.get(f.raw.size() - 1));
                }
                figures.add(f);
            } catch (IllegalStateException e) {
                failures.add(f.name + " at " + size + " items: " + e.getMessage());
                System.out.println("  not measured: " + failures.get(failures.size() - 1));
            }
        }
        Figure dashboard = new Figure("Dashboard p95", "ms", size, null, 200, false, true);
        for (int rep = 0; rep < reps; rep++) {
            dashboard.values.add(p95(supervisor, queryUrl + "/api/dashboard?consultation=" + consultation, 5));
            System.out.printf("  dashboard at %d items, rep %d: p95 %.1f ms%n", size, rep + 1, dashboard.values.get(dashboard.values.size() - 1));
        }
        figures.add(dashboard);
    }

    /**
     * The reads a board page by key makes, straight to the store: the consultation's summary document by
     * {@code _id}, then its items numbered 1–100 in order of arrival by {@code $in} of their keys (what a page of
     * 50 reads first). (The store's
     * own answer to a board query — a count and a sorted find — scans every item, and the development store
     * sorts every match in memory: at a million items it is no measure of what the board can do.)
     */
    private double rawP95(int times) {
        MongoDatabase views = mongo.getDatabase("consultdesk_views");
        String generation = Export.liveGeneration(views);
        MongoCollection<Document> items = views.getCollection("submissions_" + generation);
        MongoCollection<Document> summaries = views.getCollection("summaries_" + generation);
        List<String> keys = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            keys.add(consultation + "|" + String.format("%010d", n));
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            summaries.find(Filters.eq("_id", consultation + "|*")).first();
            items.find(Filters.in("arrivalInGroup", keys)).batchSize(100).into(new ArrayList<>());
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return Stats.percentile(ms, 95);
    }

    /** The lead bureau of an item on the read side, by key. */
    private String leadOf(String item) {
        MongoDatabase views = mongo.getDatabase("consultdesk_views");
        Document found = views.getCollection("submissions_" + Export.liveGeneration(views)).find(Filters.eq("_id", item)).first();
        return found == null ? null : found.getString("leadBureau");
    }

    private static double p95(ConsultDeskClient http, String url, int times) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            if (!http.get(url).ok()) {
                throw new IllegalStateException("query failed: " + url);
            }
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return Stats.percentile(ms, 95);
    }

    /** At a steady 100 submissions/s for 10 s: time from the 201 to the item in the read model (see {@link Freshness}). */
    private void freshness(int reps) throws Exception {
        Figure p50 = new Figure("Freshness at 100/s: 201 → visible, p50", "ms", 1000, null, 100, false, true);
        Figure p99 = new Figure("Freshness at 100/s: 201 → visible, p99", "ms", 1000, null, 100, false, true);
        Figure max = new Figure("Freshness at 100/s: 201 → visible, max", "ms", 1000, null, Double.NaN, false, true);
        for (int rep = 0; rep < reps; rep++) {
            List<Double> latencies = new Freshness(clerk, mongo, commandUrl, consultation).measure(1000, 100);
            p50.values.add(Stats.percentile(latencies, 50));
            p99.values.add(Stats.percentile(latencies, 99));
            max.values.add(Stats.percentile(latencies, 100));
            submitted += 1000;
        }
        figures.add(p50);
        figures.add(p99);
        figures.add(max);
    }
}
