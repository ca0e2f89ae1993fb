package io.consultdesk.benchmarks;

import io.consultdesk.command.campaign.LabelledCorpus;
import io.consultdesk.command.campaign.LabelledCorpus.Item;
import io.consultdesk.localstack.ConsultDeskClient;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.RunningServices;
import io.consultdesk.localstack.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What campaign detection costs receipt end to end: the same comments — a share of them copies of the corpus's
 * campaign templates, the rest other opinions in the same words — received over REST by concurrent clients on a
 * fresh embedded stack, once with detection off and once on, side by side per tenth of arrivals (a cost growing
 * with the consultation shows there).
 *
 * <p>{@code java -jar benchmarks-exec.jar campaign-ingest [--comments=100000] [--copies=0.3] [--clients=16] [--root=.]};
 * the report goes to {@code benchmarks/results/campaign-ingest-latest.md}.
 */
final class CampaignIngestCost {

    private CampaignIngestCost() {
    }

    static void run(Map<String, String> options) throws Exception {
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int comments = Integer.parseInt(options.getOrDefault("comments", "100000"));
        double copies = Double.parseDouble(options.getOrDefault("copies", "0.3"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        LabelledCorpus corpus = LabelledCorpus.read(root.resolve(CampaignQualityReport.CORPUS));
        List<String> templates = corpus.items().stream().filter(i -> i.kind().equals("template")).map(Item::text).toList();
        List<String> fragments = new ArrayList<>();
        corpus.items().stream().filter(i -> i.kind().equals("distinct"))
                .forEach(i -> List.of(i.text().split("[，。；：]")).stream().filter(f -> f.length() >= 6).forEach(fragments::add));
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(comments);
        for (int n = 0; n < comments; n++) {
            texts.add(random.nextDouble() < copies ? CampaignIndexCost.copy(templates.get(random.nextInt(templates.size())), random)
                    : CampaignIndexCost.distinct(fragments, random));
        }
        System.setProperty(ServiceProcess.JVM_OPTIONS, "-XX:TieredStopAtLevel=4 -Xmx256m");
        double[] off = ingest(root, texts, clients, false);
        double[] on = ingest(root, texts, clients, true);

        StringBuilder md = new StringBuilder("# Campaign detection: what it costs receipt, end to end\n\n")
                .append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; a fresh embedded stack (Kafka broker and file-backed MongoDB wire server in the harness's JVM, ")
                .append("both services at -Xmx256m) for each run. ").append(comments).append(" comments of one consultation over REST from ")
                .append(clients).append(" clients, ").append(Math.round(copies * 100)).append("% of them copies of the corpus's ")
                .append(templates.size()).append(" campaign templates (names and a word changed), the rest other opinions made of the ")
                .append("seed's real comments' words; the same comments in the same order in both runs, detection off ")
                .append("(`consultdesk.campaigns.enabled=false`) and on.\n\n")
                .append("| arrivals | off: comments/s | on: comments/s | on / off |\n|---|---|---|---|\n");
        int slices = off.length - 1;
        int slice = comments / slices;
        for (int i = 0; i < slices; i++) {
            md.append(String.format(Locale.ROOT, "| %d–%d | %.0f | %.0f | %.2f |%n", i * slice + 1, (i + 1) * slice, off[i], on[i], on[i] / off[i]));
        }
        md.append(String.format(Locale.ROOT, "| **all** | **%.0f** | **%.0f** | **%.2f** |%n", off[slices], on[slices], on[slices] / off[slices]));
        Path results = root.resolve("benchmarks/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("campaign-ingest-latest.md"), md);
        System.out.println(md);
        System.out.println("report written to " + results.resolve("campaign-ingest-latest.md"));
    }

    /** Receives every text on a fresh stack; comments per second for each tenth of arrivals, then overall (last). */
    private static double[] ingest(Path root, List<String> texts, int clients, boolean detection) throws Exception {
        Path dir = Files.createTempDirectory("consultdesk-campaign-ingest-");
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(EmbeddedInfrastructure.freePort(), EmbeddedInfrastructure.freePort(),
                EmbeddedInfrastructure.freePort(), dir.resolve("kafka"), dir.resolve("mongo/ingest.mv")).start();
        RunningServices services = RunningServices.start(root, root.resolve("benchmarks/target/service-logs/campaign-ingest"),
                EmbeddedInfrastructure.freePort(), EmbeddedInfrastructure.freePort(), infrastructure.kafkaBootstrapServers(),
                infrastructure.mongoUri(), List.of("--consultdesk.public-submissions.per-minute=100000000",
                        "--consultdesk.campaigns.enabled=" + detection));
        try {
            services.awaitHealthy(Duration.ofSeconds(180));
            String consultation = openConsultation(services.commandUrl());
            return receive(services.commandUrl(), consultation, texts, clients, detection);
        } finally {
            services.close();
            infrastructure.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A new consultation, opened by the supervisor: its id. */
    private static String openConsultation(String commandUrl) {
        ConsultDeskClient supervisor = new ConsultDeskClient("supervisor", "consultdesk");
        String consultation = "campaign-" + UUID.randomUUID();
        supervisor.send("POST", commandUrl + "/api/consultations", "application/json",
                "{\"id\":\"" + consultation + "\",\"title\":\"若干措施\",\"draftingUnit\":\"市工业和信息化局\"}");
        return consultation;
    }

    /** Every text received by the clerk from concurrent clients; comments per second for each tenth of arrivals, then overall (last). */
    private static double[] receive(String commandUrl, String consultation, List<String> texts, int clients, boolean detection)
            throws Exception {
        int slices = 10;
        int slice = texts.size() / slices;
        AtomicLongArray doneAt = new AtomicLongArray(slices);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConsultDeskClient clerk = new ConsultDeskClient("clerk", "consultdesk");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < texts.size()) {
                    String body = "{\"consultationId\":\"" + consultation + "\",\"submitter\":{\"name\":\"反馈人" + i
                            + "\",\"kind\":\"PERSON\"},\"opinion\":\"" + texts.get(i).replace("\"", "\\\"") + "\"}";
                    if (!clerk.send("POST", commandUrl + "/api/submissions", "application/json", body).ok()) {
                        failed.incrementAndGet();
                    }
                    int finished = done.incrementAndGet();
                    if (finished % slice == 0 && finished / slice <= slices) {
                        doneAt.set(finished / slice - 1, System.nanoTime());
                        System.out.printf("  detection %s: %d of %d received%n", detection ? "on" : "off", finished, texts.size());
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " comments were refused");
        }
        return rates(doneAt, slice, t0, texts.size());
    }

    /** Comments per second for each slice (finished at {@code doneAt}), then overall (last). */
    private static double[] rates(AtomicLongArray doneAt, int slice, long t0, int total) {
        int slices = doneAt.length();
        double[] rates = new double[slices + 1];
        long previous = t0;
        for (int i = 0; i < slices; i++) {
            rates[i] = slice / ((doneAt.get(i) - previous) / 1e9);
            previous = doneAt.get(i);
        }
        rates[slices] = total / ((System.nanoTime() - t0) / 1e9);
        return rates;
    }
}
