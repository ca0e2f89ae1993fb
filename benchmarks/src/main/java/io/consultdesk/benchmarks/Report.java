package io.consultdesk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the run's report: Markdown (latest.md and a dated copy), CSV, and an SVG chart of ratios and targets. */
final class Report {

    /** One run writes one set of files, rewritten as figures accumulate (a run cut short keeps what it measured). */
    private static final String STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());

    private Report() {
    }

    static void write(Path dir, List<Figure> figures, String infrastructure, int reps, int clients, String conditions) throws IOException {
        Files.createDirectories(dir);
        String stamp = STAMP;
        StringBuilder csv = new StringBuilder("figure,unit,size,median,spread,values,raw,raw_median,ratio,target,met\n");
        StringBuilder md = new StringBuilder("# ConsultDesk benchmark report\n\n")
                .append("Run ").append(Instant.now()).append(" on ").append(infrastructure).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(reps)
                .append(" repetitions, ").append(clients).append(" concurrent clients. Each figure is the median of the ")
                .append("repetitions; spread is (max − min) / median. Raw figures were measured in the same run on the same servers; "
                        + "the ratio is system ÷ raw (for rates higher is better, for latencies lower is).\n\n")
                .append(conditions)
                .append("| figure | size | median | spread | raw (median) | ratio | target | met |\n|---|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            String raw = f.raw.isEmpty() ? "–" : Figure.fmt(Stats.median(f.raw)) + " " + f.unit + " (" + f.rawName + ")";
            String ratio = f.raw.isEmpty() ? "–" : Math.round(f.ratio() * 100) + "%";
            boolean hasTarget = !Double.isNaN(f.target);
            md.append("| ").append(f.name).append(" | ").append(f.size == 0 ? "–" : f.size).append(" | ")
                    .append(Figure.fmt(f.median())).append(" ").append(f.unit).append(" | ")
                    .append(Math.round(Stats.spread(f.values) * 100)).append("% | ").append(raw).append(" | ").append(ratio)
                    .append(" | ").append(hasTarget ? f.targetText() : "–").append(" | ")
                    .append(hasTarget ? (f.met() ? "yes" : "**no**") : "–").append(" |\n");
            csv.append(String.join(",", quote(f.name), f.unit, String.valueOf(f.size), Figure.fmt(f.median()),
                    String.format("%.3f", Stats.spread(f.values)), quote(join(f.values)), quote(join(f.raw)),
                    f.raw.isEmpty() ? "" : Figure.fmt(Stats.median(f.raw)), f.raw.isEmpty() ? "" : String.format("%.3f", f.ratio()),
                    hasTarget ? quote(f.targetText()) : "", hasTarget ? String.valueOf(f.met()) : "")).append("\n");
        }
        md.append("\n![ratios to raw](").append("chart-").append(stamp).append(".svg)\n");
        lastDated = dir.resolve("report-" + stamp + ".md");
        Files.writeString(lastDated, md);
        Files.writeString(dir.resolve("latest.md"), md);
        Files.writeString(dir.resolve("results-" + stamp + ".csv"), csv);
        Files.writeString(dir.resolve("chart-" + stamp + ".svg"), chart(figures));
        System.out.println(md);
        System.out.println("report written to " + dir.resolve("report-" + stamp + ".md"));
    }

    /** Adds a section to the end of the latest report and its dated copy (e.g. the profile, read once the services have stopped). */
    static void appendToLatest(Path dir, String markdown) throws IOException {
        Path latest = dir.resolve("latest.md");
        Files.writeString(latest, Files.readString(latest) + markdown);
        if (lastDated != null) {
            Files.writeString(lastDated, Files.readString(lastDated) + markdown);
        }
        System.out.println(markdown);
    }

    private static Path lastDated;

    /** One bar per ratio figure (share of raw) with its target as a line. */
    static String chart(List<Figure> figures) {
        List<Figure> ratios = figures.stream().filter(f -> f.ratioTarget).toList();
        int rowHeight = 28;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"")
                .append(ratios.size() * rowHeight + 40).append("\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<text x=\"0\" y=\"14\">share of the raw operation on the same servers (bar) and target (red line)</text>");
        int y = 24;
        for (Figure f : ratios) {
            double ratio = Math.min(2, f.ratio());
            int w = (int) Math.round(ratio * 250);
            svg.append("<text x=\"0\" y=\"").append(y + 16).append("\">").append(escape(f.name + " @" + f.size)).append("</text>")
                    .append("<rect x=\"400\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"20\" fill=\"")
                    .append(f.met() ? "#2e7d32" : "#c62828").append("\"/>")
                    .append("<line x1=\"").append(400 + (int) (f.target * 250)).append("\" x2=\"").append(400 + (int) (f.target * 250))
                    .append("\" y1=\"").append(y - 2).append("\" y2=\"").append(y + 22).append("\" stroke=\"red\"/>")
                    .append("<text x=\"").append(404 + w).append("\" y=\"").append(y + 15).append("\">")
                    .append(Math.round(f.ratio() * 100)).append("%</text>");
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String join(List<Double> values) {
        return values.stream().map(Figure::fmt).collect(Collectors.joining(" "));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
