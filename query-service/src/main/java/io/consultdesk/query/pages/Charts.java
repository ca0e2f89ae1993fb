package io.consultdesk.query.pages;

import io.consultdesk.query.submission.ItemStates;

import java.util.Map;

import static io.consultdesk.query.pages.Html.esc;

/** Charts as inline SVG: no script, nothing fetched from elsewhere. */
final class Charts {

    static final Map<String, String> STATE_COLOURS = Map.of(
            ItemStates.RECEIVED, "#9e9e9e", ItemStates.ASSIGNED, "#f9a825", ItemStates.DECIDED, "#42a5f5", ItemStates.PUBLISHED, "#2e7d32",
            ItemStates.WITHDRAWN, "#bdbdbd", ItemStates.REJECTED, "#8d6e63", ItemStates.DUPLICATE, "#ce93d8");

    private Charts() {
    }

    /** One stacked bar per row (e.g. a bureau), segments per state, with a legend. */
    static String stackedBars(String id, Map<String, Map<String, Integer>> rows, Labels l) {
        int max = rows.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).max().orElse(1);
        int labelWidth = 200;
        int width = 560;
        int barHeight = 20;
        StringBuilder svg = new StringBuilder("<svg id=\"" + id + "\" role=\"img\" width=\"" + (labelWidth + width + 60)
                + "\" height=\"" + (rows.size() * (barHeight + 6) + 30) + "\">");
        int y = 0;
        for (Map.Entry<String, Map<String, Integer>> row : rows.entrySet()) {
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(row.getKey())).append("</text>");
            int x = labelWidth;
            int sum = 0;
            for (String state : ItemStates.ALL) {
                int n = row.getValue().getOrDefault(state, 0);
                if (n == 0) {
                    continue;
                }
                int w = Math.max(1, n * width / max);
                svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w)
                        .append("\" height=\"").append(barHeight).append("\" fill=\"").append(STATE_COLOURS.get(state))
                        .append("\"><title>").append(esc(l.get(state) + ": " + n)).append("</title></rect>");
                x += w;
                sum += n;
            }
            svg.append("<text x=\"").append(x + 4).append("\" y=\"").append(y + 15).append("\">").append(sum).append("</text>");
            y += barHeight + 6;
        }
        int x = 0;
        for (String state : ItemStates.ALL) {
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y + 8).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(STATE_COLOURS.get(state)).append("\"/><text x=\"").append(x + 16).append("\" y=\"").append(y + 19)
                    .append("\">").append(esc(l.get(state))).append("</text>");
            x += 90;
        }
        return svg.append("</svg>").toString();
    }

    /** Simple horizontal bars, one per entry. */
    static String bars(String id, Map<String, ? extends Number> values, String colour) {
        double max = values.values().stream().mapToDouble(v -> v == null ? 0 : v.doubleValue()).max().orElse(1);
        int labelWidth = 200;
        StringBuilder svg = new StringBuilder("<svg id=\"" + id + "\" role=\"img\" width=\"700\" height=\"" + (values.size() * 26 + 4) + "\">");
        int y = 0;
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            double v = e.getValue() == null ? 0 : e.getValue().doubleValue();
            int w = max <= 0 ? 0 : (int) Math.round(v / max * 420);
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(w)
                    .append("\" height=\"20\" fill=\"").append(colour).append("\"/>")
                    .append("<text x=\"").append(labelWidth + w + 4).append("\" y=\"").append(y + 15).append("\">")
                    .append(e.getValue() == null ? "–" : esc(e.getValue())).append("</text>");
            y += 26;
        }
        return svg.append("</svg>").toString();
    }
}
