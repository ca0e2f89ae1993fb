package io.consultdesk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time per event against the size of the backlog, for the relay, the projection and the replay, from the CSV
 * files of one or more runs ({@code benchmarks/run.sh scale-chart --csv=a.csv,b.csv}): a Markdown table with
 * each size's microseconds per event (the service's and the raw operation's) and the ratio of the largest
 * size's to the smallest's, and an SVG chart of the same, sizes on a logarithmic axis.
 */
final class ScaleChart {

    private static final List<String> PATHS = List.of("Relay", "Projection", "Replay");
    private static final Pattern ROW = Pattern.compile("^\"([^\"]*)\",([^,]*),(\\d+),([^,]*),[^,]*,\"[^\"]*\",\"[^\"]*\",([^,]*),");

    private ScaleChart() {
    }

    /** One point: a path's figure at a size, service and raw, in events a second. */
    record Point(String path, long size, double rate, double raw) {

        double microsPerEvent() {
            return 1e6 / rate;
        }

        double rawMicrosPerEvent() {
            return raw > 0 ? 1e6 / raw : Double.NaN;
        }
    }

    static void run(Map<String, String> options) throws IOException {
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path results = root.resolve("benchmarks/results");
        List<Point> points = new ArrayList<>();
        for (String file : options.getOrDefault("csv", "").split(",")) {
            if (!file.isBlank()) {
                points.addAll(read(results.resolve(file.strip())));
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("--csv=<results-….csv,…> names no file with relay, projection or replay figures");
        }
        StringBuilder md = new StringBuilder("# Time per event against size\n\nFrom ").append(options.get("csv"))
                .append(". Microseconds per event (lower is better), the service's and the raw operation's on the same servers in the same run.\n\n"
                        + "| path | size (events) | µs/event | raw µs/event | × the smallest size's |\n|---|---|---|---|---|\n");
        for (String path : PATHS) {
            List<Point> of = points.stream().filter(p -> p.path().equals(path)).sorted((a, b) -> Long.compare(a.size(), b.size())).toList();
            for (Point p : of) {
                md.append("| ").append(path).append(" | ").append(p.size()).append(" | ").append(Figure.fmt(p.microsPerEvent()))
                        .append(" | ").append(Figure.fmt(p.rawMicrosPerEvent())).append(" | ")
                        .append(String.format("%.2f", p.microsPerEvent() / of.get(0).microsPerEvent())).append(" |\n");
            }
        }
        md.append("\n![time per event](scale-latest.svg)\n");
        Files.writeString(results.resolve("scale-latest.md"), md);
        Files.writeString(results.resolve("scale-latest.svg"), svg(points));
        System.out.println(md);
    }

    static List<Point> read(Path csv) throws IOException {
        List<Point> points = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            Matcher m = ROW.matcher(line);
            if (!m.find() || !m.group(2).equals("events/s")) {
                continue;
            }
            String path = m.group(1).substring(0, m.group(1).indexOf(':'));
            if (PATHS.contains(path)) {
                points.add(new Point(path, Long.parseLong(m.group(3)), Double.parseDouble(m.group(4)),
                        m.group(5).isEmpty() ? Double.NaN : Double.parseDouble(m.group(5))));
            }
        }
        return points;
    }

    /** One line per path, sizes on a log axis, microseconds per event on a linear one. */
    static String svg(List<Point> points) {
        int width = 720;
        int height = 360;
        int left = 60;
        int bottom = 320;
        double minLog = points.stream().mapToDouble(p -> Math.log10(p.size())).min().orElse(3) - 0.2;
        double maxLog = points.stream().mapToDouble(p -> Math.log10(p.size())).max().orElse(6) + 0.2;
        double maxMicros = points.stream().mapToDouble(Point::microsPerEvent).max().orElse(1) * 1.1;
        String[] colours = {"#1565c0", "#2e7d32", "#c62828"};
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" font-family=\"sans-serif\" font-size=\"12\"><text x=\"0\" y=\"14\">µs per event against backlog size (log scale)</text>"
                + "<line x1=\"" + left + "\" y1=\"" + bottom + "\" x2=\"" + (width - 20) + "\" y2=\"" + bottom + "\" stroke=\"#333\"/>"
                + "<line x1=\"" + left + "\" y1=\"30\" x2=\"" + left + "\" y2=\"" + bottom + "\" stroke=\"#333\"/>"
                + "<text x=\"4\" y=\"34\">" + Figure.fmt(maxMicros) + "</text>");
        for (int i = 0; i < PATHS.size(); i++) {
            Map<Long, Point> line = new TreeMap<>();
            String path = PATHS.get(i);
            points.stream().filter(p -> p.path().equals(path)).forEach(p -> line.put(p.size(), p));
            StringBuilder polyline = new StringBuilder();
            for (Point p : line.values()) {
                double x = left + (Math.log10(p.size()) - minLog) / (maxLog - minLog) * (width - 20 - left);
                double y = bottom - p.microsPerEvent() / maxMicros * (bottom - 30);
                polyline.append(String.format("%.0f,%.0f ", x, y));
                svg.append(String.format("<circle cx=\"%.0f\" cy=\"%.0f\" r=\"3\" fill=\"%s\"/>", x, y, colours[i]))
                        .append(String.format("<text x=\"%.0f\" y=\"%d\">%d</text>", x - 10, bottom + 14, p.size()));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colours[i]).append("\" points=\"").append(polyline).append("\"/>")
                    .append("<text x=\"").append(width - 140).append("\" y=\"").append(40 + 16 * i).append("\" fill=\"")
                    .append(colours[i]).append("\">").append(path).append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
