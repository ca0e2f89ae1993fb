package io.consultdesk.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Median, spread and percentiles of repeated measurements. */
final class Stats {

    private Stats() {
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** max − min, as a share of the median: how much the repetitions disagree. */
    static double spread(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double median = median(values);
        return median == 0 ? 0 : (max - min) / median;
    }
}
