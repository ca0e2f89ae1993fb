package io.consultdesk.query.pages;

import io.consultdesk.query.audit.TimelineEntry;
import io.consultdesk.query.presentation.LocalTimes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.consultdesk.query.pages.Html.esc;

/** The co-handling bureaus' opinions (协办意见) on an item, read from its timeline: the latest of each bureau. */
final class CoOpinions {

    static final String EVENT = "CoHandlingOpinionGiven";

    private CoOpinions() {
    }

    /** Each bureau's latest opinion, in the order the bureaus first gave one. */
    static Map<String, TimelineEntry> latest(List<TimelineEntry> events) {
        Map<String, TimelineEntry> latest = new LinkedHashMap<>();
        for (TimelineEntry e : events) {
            if (EVENT.equals(e.type())) {
                latest.put(e.details().path("bureau").asText(), e);
            }
        }
        return latest;
    }

    static List<String> bureaus(List<TimelineEntry> events) {
        return new ArrayList<>(latest(events).keySet());
    }

    static String html(List<TimelineEntry> events, LocalTimes times, Labels l) {
        Map<String, TimelineEntry> latest = latest(events);
        if (latest.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<h2>").append(esc(l.get("coOpinions"))).append("</h2><table id=\"co-opinions\">")
                .append(Html.headers(l, "bureau", "who", "when", "opinion"));
        latest.forEach((bureau, e) -> s.append("<tr class=\"co-opinion\" data-bureau=\"").append(esc(bureau)).append("\"><td>")
                .append(esc(bureau)).append("</td><td>").append(esc(e.actor())).append("</td><td class=\"time\">")
                .append(esc(times.format(e.occurredAt()))).append("</td><td class=\"opinion\">")
                .append(esc(e.details().path("opinion").asText())).append("</td></tr>"));
        return s.append("</table>").toString();
    }
}
