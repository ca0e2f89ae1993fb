package io.consultdesk.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.consultdesk.command.campaign.CampaignDetector;
import io.consultdesk.command.campaign.CampaignDetector.Detection;
import io.consultdesk.command.campaign.CampaignSettings;
import io.consultdesk.command.campaign.LabelledCorpus;
import io.consultdesk.command.campaign.LabelledCorpus.Item;
import io.consultdesk.command.campaign.MongoCampaignIndex;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Comparator;

/**
 * What campaign detection adds to each received comment, measured on the index alone: comments of one
 * consultation, a share of them copies of the corpus's campaign templates (names and a few words changed), the
 * rest made of fragments of the seed's real comments, detected and remembered one by one on a file-backed wire
 * server as receipt does. Reported per slice of arrivals, so that a cost growing with the consultation shows.
 *
 * <p>{@code java -jar benchmarks-exec.jar campaign-cost [--comments=10000] [--copies=0.3] [--root=.]}; the report
 * goes to {@code benchmarks/results/campaign-cost-latest.md}.
 */
final class CampaignIndexCost {

    private CampaignIndexCost() {
    }

    static void run(Map<String, String> options) throws Exception {
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int comments = Integer.parseInt(options.getOrDefault("comments", "10000"));
        double copies = Double.parseDouble(options.getOrDefault("copies", "0.3"));
        LabelledCorpus corpus = LabelledCorpus.read(root.resolve(CampaignQualityReport.CORPUS));
        List<String> templates = corpus.items().stream().filter(i -> i.kind().equals("template")).map(Item::text).toList();
        List<String> fragments = new ArrayList<>();
        corpus.items().stream().filter(i -> i.kind().equals("distinct"))
                .forEach(i -> List.of(i.text().split("[，。；：]")).stream().filter(f -> f.length() >= 6).forEach(fragments::add));

        Path dir = Files.createTempDirectory("consultdesk-campaign-cost-");
        MongoWireServer server = new MongoWireServer(EmbeddedInfrastructure.freePort(), dir.resolve("cost.mv")).start();
        StringBuilder md = new StringBuilder();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("cost").getCollection(MongoCampaignIndex.COLLECTION);
            CampaignDetector detector = new CampaignDetector(CampaignSettings.DEFAULT, new MongoCampaignIndex(collection));
            header(md, comments, copies, templates.size());
            measure(md, detector, collection, comments, copies, templates, fragments);
        } finally {
            server.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path results = root.resolve("benchmarks/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("campaign-cost-latest.md"), md);
        System.out.println(md);
        System.out.println("report written to " + results.resolve("campaign-cost-latest.md"));
    }

    /** The report's opening: what was run, and the table's head. */
    private static void header(StringBuilder md, int comments, double copies, int templates) {
        md.append("# Campaign detection: what it adds to each received comment\n\n")
                .append("Run ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; the file-backed wire server and the driver in one JVM, one writer. ").append(comments)
                .append(" comments of one consultation, ").append(Math.round(copies * 100))
                .append("% of them copies of the corpus's ").append(templates)
                .append(" campaign templates (two names and one word changed), the rest each two fragments of the seed's ")
                .append("real comments and forty characters drawn from them. Each comment is detected (its bands read, then ")
                .append("the clusters they lead to) and, when it joins none, remembered (one bulk write), as receipt does.\n\n")
                .append("| arrivals | detect: ms per comment | remember: ms per remembered comment | remembered | joined | ")
                .append("clusters compared per comment | index documents after |\n|---|---|---|---|---|---|---|\n");
    }

    /** Receives {@code comments} comments, a tenth at a time, each detected and (when it joins none) remembered; a row per tenth. */
    private static void measure(StringBuilder md, CampaignDetector detector, MongoCollection<Document> collection, int comments,
                                double copies, List<String> templates, List<String> fragments) {
        Random random = new Random(42);
        int slice = Math.max(1, comments / 10);
        long detectNanos = 0;
        long rememberNanos = 0;
        int remembered = 0;
        int joined = 0;
        long compared = 0;
        for (int n = 1; n <= comments; n++) {
            String text = random.nextDouble() < copies ? copy(templates.get(random.nextInt(templates.size())), random)
                    : distinct(fragments, random);
            long started = System.nanoTime();
            Detection detection = detector.detect("c", text, List.of());
            detectNanos += System.nanoTime() - started;
            if (detection.match() != null) {
                joined++;
            }
            compared += detection.compared() > 0 ? 1 : 0;
            if (detection.representsItsOwn()) {
                started = System.nanoTime();
                detector.remember("c", "s-" + n, detection);
                rememberNanos += System.nanoTime() - started;
                remembered++;
            }
            if (n % slice == 0) {
                String row = String.format(Locale.ROOT, "| %d–%d | %.2f | %.2f | %d | %d | %.2f | %d |%n", n - slice + 1, n,
                        detectNanos / 1e6 / slice, remembered == 0 ? 0 : rememberNanos / 1e6 / remembered, remembered, joined,
                        (double) compared / slice, collection.estimatedDocumentCount());
                md.append(row);
                System.out.print(row);
                detectNanos = 0;
                rememberNanos = 0;
                remembered = 0;
                joined = 0;
                compared = 0;
            }
        }
        int longest = 0;
        for (Document band : collection.find(new Document("_id", new Document("$regex", "^c\\|\\d+\\|")))) {
            longest = Math.max(longest, band.getList("clusters", String.class, List.of()).size());
        }
        md.append("\nThe most clusters any band names at the end: ").append(longest)
                .append(" (a band keeps at most 64). *Clusters compared*: the share of comments whose bands led to any cluster ")
                .append("(each of those costs the second read).\n");
    }

    private static final String[] NAMES = {"陈大天", "李晓明", "王芳", "张伟", "深圳市星河智能科技有限公司", "深圳前海云算数据有限公司"};
    private static final String[][] SWAPS = {{"建议", "希望"}, {"支持", "扶持"}, {"提高", "提升"}, {"企业", "公司"}, {"给予", "提供"}};

    static String copy(String template, Random random) {
        String[] swap = SWAPS[random.nextInt(SWAPS.length)];
        return "我是" + NAMES[random.nextInt(NAMES.length)] + "，" + template.replaceFirst(swap[0], swap[1]) + "——" + NAMES[random.nextInt(NAMES.length)];
    }

    /** Two fragments of real comments and forty characters drawn from theirs: another opinion in the same words. */
    static String distinct(List<String> fragments, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            text.append(fragments.get(random.nextInt(fragments.size()))).append("，");
        }
        for (int i = 0; i < 40; i++) {
            String fragment = fragments.get(random.nextInt(fragments.size()));
            text.append(fragment.charAt(random.nextInt(fragment.length())));
        }
        return text.append("。").toString();
    }
}
