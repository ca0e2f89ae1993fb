package io.consultdesk.benchmarks;

import io.consultdesk.command.campaign.CampaignQuality;
import io.consultdesk.command.campaign.CampaignQuality.Pair;
import io.consultdesk.command.campaign.CampaignQuality.Point;
import io.consultdesk.command.campaign.CampaignSettings;
import io.consultdesk.command.campaign.LabelledCorpus;
import io.consultdesk.command.campaign.LabelledCorpus.Item;
import io.consultdesk.command.campaign.LshBands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How well campaign detection tells the labelled corpus's campaigns apart: the precision–recall curve over
 * thresholds on its tuning part (for several shingle lengths), the LSH band layouts on it, and the settings in use
 * ({@link CampaignSettings#DEFAULT}) measured on the held-out part, which played no part in choosing them.
 * Deterministic: no timing, the same corpus gives the same report.
 *
 * <p>{@code java -jar benchmarks-exec.jar campaign-quality [--root=.] [--orders=5]}; the report goes to
 * {@code benchmarks/results/campaign-quality-latest.md}.
 */
final class CampaignQualityReport {

    static final String CORPUS = "command-service/src/test/resources/campaign/corpus.tsv";
    private static final int[] SHINGLES = {2, 3, 4};
    private static final LshBands[] LAYOUTS = {new LshBands(16, 2), new LshBands(32, 2), new LshBands(16, 3), new LshBands(32, 3),
        new LshBands(40, 3), new LshBands(16, 4), new LshBands(24, 4), new LshBands(32, 4), new LshBands(25, 5)};

    private CampaignQualityReport() {
    }

    static void run(Map<String, String> options) throws IOException {
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int orders = Integer.parseInt(options.getOrDefault("orders", "5"));
        LabelledCorpus corpus = LabelledCorpus.read(root.resolve(CORPUS));
        String md = report(corpus, orders);
        Path dir = root.resolve("benchmarks/results");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("campaign-quality-latest.md"), md);
        System.out.println(md);
        System.out.println("report written to " + dir.resolve("campaign-quality-latest.md"));
    }

    static String report(LabelledCorpus corpus, int orders) {
        CampaignSettings chosen = CampaignSettings.DEFAULT;
        List<Item> tuning = corpus.split("tuning");
        List<Item> heldOut = corpus.split("heldout");
        StringBuilder md = new StringBuilder();
        corpusSection(md, corpus, chosen, orders);
        thresholdCurve(md, tuning, chosen);
        lshLayouts(md, tuning, chosen, orders);
        settingsInUse(md, tuning, heldOut, chosen, orders);
        return md.toString();
    }

    /** What the corpus holds, part by part, and what "found" means. */
    private static void corpusSection(StringBuilder md, LabelledCorpus corpus, CampaignSettings chosen, int orders) {
        md.append("# Campaign detection: precision and recall on the labelled corpus\n\n")
                .append("Corpus: `").append(CORPUS).append("`, written for the tests and frozen before tuning — comments on the seed ")
                .append("consultation's clauses: campaign templates, copies of them with names, a few words, greetings, punctuation ")
                .append("and numbers changed, hand-written paraphrases (labelled as the campaign), hard negatives (other opinions on ")
                .append("the same clause sharing its wording) and the seed's 55 real comments as distinct ones. It is split by ")
                .append("campaign: no template has copies in both parts.\n\n")
                .append("A **pair** of comments is right when both carry one label. *Pairs*: found when their estimated similarity ")
                .append("reaches the threshold and LSH makes them candidates (they share a band). *On receipt*: detection as ")
                .append("command-service runs it — comments arrive one by one (").append(orders).append(" shuffled orders, counts summed), ")
                .append("each compared only with the representatives of the clusters its bands lead to, joining the most similar ")
                .append("at or above the threshold; a pair is found when both end in one cluster.\n\n");
        md.append("| part | comments | campaigns | same-campaign pairs | other pairs |\n|---|---|---|---|---|\n");
        for (String part : List.of("tuning", "heldout")) {
            List<Item> items = corpus.split(part);
            List<Pair> pairs = CampaignQuality.pairs(items, chosen);
            long same = pairs.stream().filter(Pair::same).count();
            long campaigns = items.stream().filter(i -> i.kind().equals("template")).count();
            md.append("| ").append(part).append(" | ").append(items.size()).append(" (")
                    .append(items.stream().collect(Collectors.groupingBy(Item::kind, TreeMap::new, Collectors.counting())).entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                    .append(") | ").append(campaigns).append(" | ").append(same).append(" | ").append(pairs.size() - same).append(" |\n");
        }
    }

    /** Precision and recall of pairs on the tuning part, against the threshold, for each shingle length. */
    private static void thresholdCurve(StringBuilder md, List<Item> tuning, CampaignSettings chosen) {
        md.append("\n## Tuning part: precision / recall of pairs against the threshold\n\n")
                .append("Signatures of ").append(chosen.signatureLength()).append(" values, LSH ").append(layout(chosen.lsh()))
                .append("; shingles of n characters.\n\n| threshold |");
        for (int n : SHINGLES) {
            md.append(" n = ").append(n).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(SHINGLES.length)).append("\n");
        Map<Integer, List<Pair>> byShingle = new TreeMap<>();
        for (int n : SHINGLES) {
            byShingle.put(n, CampaignQuality.pairs(tuning, new CampaignSettings(n, chosen.signatureLength(), chosen.lsh(), chosen.threshold())));
        }
        for (int step = 4; step <= 16; step++) {
            double t = step * 0.05;
            md.append("| ").append(String.format(Locale.ROOT, "%.2f", t)).append(t == chosen.threshold() ? " ◀" : "").append(" |");
            for (int n : SHINGLES) {
                Point p = CampaignQuality.at(byShingle.get(n), t);
                md.append(" ").append(pr(p)).append(n == chosen.shingleLength() && Math.abs(t - chosen.threshold()) < 1e-9 ? " ◀" : "").append(" |");
            }
            md.append("\n");
        }
    }

    /** The LSH layouts tried at the chosen threshold: what each finds and what each costs. */
    private static void lshLayouts(StringBuilder md, List<Item> tuning, CampaignSettings chosen, int orders) {
        md.append("\n## Tuning part: LSH layouts at the chosen threshold\n\n")
                .append("n = ").append(chosen.shingleLength()).append(", threshold ").append(chosen.threshold())
                .append(". *Band recall*: of the same-campaign pairs at or above the threshold, the share that share a band ")
                .append("(the rest can never be found). *Other pairs sharing a band*: what a lookup must read and compare for ")
                .append("nothing. *Writes*: documents a remembered representative upserts (its cluster and one per band).\n\n")
                .append("| bands × rows | S-curve midpoint (1/b)^(1/r) | band recall | other pairs sharing a band | on receipt: precision / recall | writes |\n")
                .append("|---|---|---|---|---|---|\n");
        for (LshBands lsh : LAYOUTS) {
            CampaignSettings s = new CampaignSettings(chosen.shingleLength(), chosen.signatureLength(), lsh, chosen.threshold());
            List<Pair> pairs = CampaignQuality.pairs(tuning, s);
            long others = pairs.stream().filter(p -> !p.same()).count();
            long othersShared = pairs.stream().filter(p -> !p.same() && p.candidates()).count();
            md.append("| ").append(layout(lsh)).append(lsh.equals(chosen.lsh()) ? " ◀" : "").append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", Math.pow(1.0 / lsh.bands(), 1.0 / lsh.rows()))).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", CampaignQuality.bandRecall(pairs, chosen.threshold()))).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f%%", 100.0 * othersShared / others)).append(" | ")
                    .append(pr(CampaignQuality.onReceipt(tuning, s, orders))).append(" | ").append(lsh.bands() + 1).append(" |\n");
        }
    }

    /** The settings in use on both parts, and held-out recall by kind of pair. */
    private static void settingsInUse(StringBuilder md, List<Item> tuning, List<Item> heldOut, CampaignSettings chosen, int orders) {
        md.append("\n## The settings in use, on both parts\n\n")
                .append("`CampaignSettings.DEFAULT`: shingles of ").append(chosen.shingleLength()).append(" characters, ")
                .append(chosen.signatureLength()).append("-value signatures, LSH ").append(layout(chosen.lsh())).append(", threshold ")
                .append(chosen.threshold()).append(".\n\n")
                .append("| part | pairs: precision | pairs: recall | on receipt: precision | on receipt: recall | on receipt: counts |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String part : List.of("tuning", "heldout")) {
            List<Item> items = part.equals("tuning") ? tuning : heldOut;
            Point pairs = CampaignQuality.at(CampaignQuality.pairs(items, chosen), chosen.threshold());
            Point receipt = CampaignQuality.onReceipt(items, chosen, orders);
            md.append("| ").append(part).append(" | ").append(f(pairs.precision())).append(" | ").append(f(pairs.recall()))
                    .append(" | ").append(f(receipt.precision())).append(" | ").append(f(receipt.recall())).append(" | tp ")
                    .append(receipt.truePositives()).append(", fp ").append(receipt.falsePositives()).append(", fn ")
                    .append(receipt.falseNegatives()).append(" |\n");
        }
        md.append("\nHeld-out recall by kind of pair (pairs: each copy or paraphrase with its template):\n\n")
                .append("| pair | found | of |\n|---|---|---|\n");
        List<Pair> heldPairs = CampaignQuality.pairs(heldOut, chosen);
        for (String kind : List.of("copy", "paraphrase")) {
            List<Pair> withTemplate = heldPairs.stream().filter(p -> p.same() && kinds(p, "template", kind)).toList();
            long found = withTemplate.stream().filter(p -> p.candidates() && p.similarity() >= chosen.threshold()).count();
            md.append("| template – ").append(kind).append(" | ").append(found).append(" | ").append(withTemplate.size()).append(" |\n");
        }
        long hardFound = heldPairs.stream().filter(p -> !p.same() && (p.a().kind().equals("hard-negative") || p.b().kind().equals("hard-negative"))
                && p.candidates() && p.similarity() >= chosen.threshold()).count();
        md.append("\nPairs with a hard negative found as copies on the held-out part: ").append(hardFound).append(".\n");
    }

    private static boolean kinds(Pair p, String one, String other) {
        return (p.a().kind().equals(one) && p.b().kind().equals(other)) || (p.a().kind().equals(other) && p.b().kind().equals(one));
    }

    private static String layout(LshBands lsh) {
        return lsh.bands() + " × " + lsh.rows();
    }

    private static String pr(Point p) {
        return f(p.precision()) + " / " + f(p.recall());
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
