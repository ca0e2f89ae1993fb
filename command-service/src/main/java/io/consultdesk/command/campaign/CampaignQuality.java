package io.consultdesk.command.campaign;

import io.consultdesk.command.campaign.LabelledCorpus.Item;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How well detection tells a corpus's campaigns apart, counted over pairs of comments: a pair is found when
 * detection puts both in one cluster, and is right when both carry one label. Two measures: the pairs alone (the
 * estimated similarity at least the threshold and a band shared: the curve a threshold is chosen on), and
 * detection as receipt runs it (comments arriving one by one in a shuffled order, each compared with the
 * clusters' representatives only).
 */
public final class CampaignQuality {

    /** The counts at one threshold, with precision and recall (1 where nothing was found or nothing was to be). */
    public record Point(double threshold, long truePositives, long falsePositives, long falseNegatives) {

        public double precision() {
            long found = truePositives + falsePositives;
            return found == 0 ? 1 : (double) truePositives / found;
        }

        public double recall() {
            long due = truePositives + falseNegatives;
            return due == 0 ? 1 : (double) truePositives / due;
        }

        Point plus(Point other) {
            return new Point(threshold, truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "t=%.2f precision %.3f recall %.3f (tp %d, fp %d, fn %d)", threshold, precision(),
                    recall(), truePositives, falsePositives, falseNegatives);
        }
    }

    /** A pair of comments: whether they are of one campaign, their estimated similarity, whether LSH pairs them. */
    public record Pair(Item a, Item b, boolean same, double similarity, boolean candidates) {
    }

    private CampaignQuality() {
    }

    public static List<Pair> pairs(List<Item> items, CampaignSettings settings) {
        OpinionSignatures signatures = new OpinionSignatures(settings);
        List<Signature> signed = items.stream().map(i -> signatures.of(i.text(), List.of(i.submitter()))).toList();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Signature a = signed.get(i);
                Signature b = signed.get(j);
                boolean comparable = a != null && b != null;
                pairs.add(new Pair(items.get(i), items.get(j), items.get(i).label().equals(items.get(j).label()),
                        comparable ? a.similarity(b) : 0, comparable && settings.lsh().candidates(a, b)));
            }
        }
        return pairs;
    }

    /** Pairs found at {@code threshold}: LSH pairs them and their estimated similarity reaches it. */
    public static Point at(List<Pair> pairs, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Pair pair : pairs) {
            boolean found = pair.candidates() && pair.similarity() >= threshold;
            if (found && pair.same()) {
                tp++;
            } else if (found) {
                fp++;
            } else if (pair.same()) {
                fn++;
            }
        }
        return new Point(threshold, tp, fp, fn);
    }

    /** Share of the pairs of one campaign at or above {@code threshold} that LSH makes candidates. */
    public static double bandRecall(List<Pair> pairs, double threshold) {
        long due = pairs.stream().filter(p -> p.same() && p.similarity() >= threshold).count();
        long found = pairs.stream().filter(p -> p.same() && p.similarity() >= threshold && p.candidates()).count();
        return due == 0 ? 1 : (double) found / due;
    }

    /**
     * Detection as receipt runs it, over {@code orders} shuffles of {@code items} (fixed seeds): the counts summed
     * over the orders.
     */
    public static Point onReceipt(List<Item> items, CampaignSettings settings, int orders) {
        Point total = new Point(settings.threshold(), 0, 0, 0);
        for (int order = 0; order < orders; order++) {
            List<Item> arriving = new ArrayList<>(items);
            Collections.shuffle(arriving, new Random(order + 1L));
            total = total.plus(onReceipt(arriving, settings));
        }
        return total;
    }

    private static Point onReceipt(List<Item> arriving, CampaignSettings settings) {
        CampaignDetector detector = new CampaignDetector(settings, new InMemoryCampaignIndex());
        Map<String, String> clusterOf = new HashMap<>();
        for (Item item : arriving) {
            CampaignDetector.Detection detection = detector.detect("corpus", item.text(), List.of(item.submitter()));
            clusterOf.put(item.id(), detection.match() == null ? item.id() : detection.match().clusterId());
            detector.remember("corpus", item.id(), detection);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < arriving.size(); i++) {
            for (int j = i + 1; j < arriving.size(); j++) {
                Item a = arriving.get(i);
                Item b = arriving.get(j);
                boolean found = clusterOf.get(a.id()).equals(clusterOf.get(b.id()));
                boolean same = a.label().equals(b.label());
                if (found && same) {
                    tp++;
                } else if (found) {
                    fp++;
                } else if (same) {
                    fn++;
                }
            }
        }
        return new Point(settings.threshold(), tp, fp, fn);
    }
}
