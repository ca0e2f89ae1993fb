package io.consultdesk.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured figure at one size: the system's values over the repetitions and, where it has one, the
 * raw operation's values measured beside it, with the target the ratio (or the value) must reach.
 */
final class Figure {

    final String name;
    final String unit;
    final long size;
    final List<Double> values = new ArrayList<>();
    final List<Double> raw = new ArrayList<>();
    final String rawName;
    /** For ratio figures: the least share of raw; for absolute ones: the bound on the value. */
    final double target;
    final boolean ratioTarget;
    final boolean lowerIsBetter;

    Figure(String name, String unit, long size, String rawName, double target, boolean ratioTarget, boolean lowerIsBetter) {
        this.name = name;
        this.unit = unit;
        this.size = size;
        this.rawName = rawName;
        this.target = target;
        this.ratioTarget = ratioTarget;
        this.lowerIsBetter = lowerIsBetter;
    }

    double median() {
        return Stats.median(values);
    }

    double ratio() {
        return raw.isEmpty() ? Double.NaN : median() / Stats.median(raw);
    }

    boolean met() {
        if (ratioTarget) {
            return ratio() >= target;
        }
        return lowerIsBetter ? median() <= target : median() >= target;
    }

    String targetText() {
        if (ratioTarget) {
            return "≥ " + Math.round(target * 100) + "% of raw";
        }
        return (lowerIsBetter ? "≤ " : "≥ ") + fmt(target) + " " + unit;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        // small counts (round trips per event) keep three decimals: one decimal would show them all as 0.0
        return v >= 100 ? String.valueOf(Math.round(v)) : String.format(v >= 1 || v == 0 ? "%.1f" : "%.3f", v);
    }
}
