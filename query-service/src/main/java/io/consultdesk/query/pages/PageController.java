package io.consultdesk.query.pages;

import io.consultdesk.query.audit.HistoryController;
import io.consultdesk.query.board.BoardController;
import io.consultdesk.query.board.BoardFilter;
import io.consultdesk.query.board.StatusBoard;
import com.mongodb.client.model.Filters;
import io.consultdesk.query.dashboard.Dashboard;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.submission.ItemAccess;
import io.consultdesk.query.submission.SubmissionProjection;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/** The supervisors' pages: dashboard, status board, item timeline. */
@RestController
public class PageController {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final Dashboard dashboard;
    private final StatusBoard board;
    private final HistoryController history;
    private final CurrentCaller caller;
    private final LiveViews views;

    public PageController(Dashboard dashboard, StatusBoard board, HistoryController history, CurrentCaller caller,
                          LiveViews views) {
        this.views = views;
        this.dashboard = dashboard;
        this.board = board;
        this.history = history;
        this.caller = caller;
    }

    @GetMapping("/dashboard")
    @SuppressWarnings("unchecked")
    public ResponseEntity<String> dashboard(@RequestParam(required = false) String consultation,
                                            @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        Map<String, Object> d = dashboard.compute(consultation == null || consultation.isBlank() ? null : consultation, caller.get());
        Map<String, Object> progress = (Map<String, Object>) d.get("progress");
        Map<String, Object> bureaus = (Map<String, Object>) d.get("bureaus");
        StringBuilder body = new StringBuilder("<div class=\"cards\">")
                .append(card("total", l.get("total"), d.get("total")))
                .append(card("overdue", l.get("overdue"), d.get("overdue")))
                .append(card("handled", l.get("handled"), progress.get("decidedOrClosed") + " (" + progress.get("percentHandled") + "%)"))
                .append(card("published", l.get("published"), progress.get("published")))
                .append(card("lag", l.get("lag"), ((Map<String, Object>) d.get("feedLag")).get("events")))
                .append("</div>");
        Map<String, Map<String, Integer>> byState = new LinkedHashMap<>();
        Map<String, Number> overdue = new LinkedHashMap<>();
        Map<String, Number> median = new LinkedHashMap<>();
        Map<String, Number> p90 = new LinkedHashMap<>();
        bureaus.forEach((name, figures) -> {
            Map<String, Object> f = (Map<String, Object>) figures;
            byState.put(name, (Map<String, Integer>) f.get("byState"));
            overdue.put(name, (Number) f.get("overdue"));
            Map<String, Object> t = (Map<String, Object>) f.get("hoursToDecision");
            median.put(name, (Number) t.get("median"));
            p90.put(name, (Number) t.get("p90"));
        });
        body.append("<h2>").append(esc(l.get("byBureau"))).append("</h2>").append(Charts.stackedBars("chart-bureaus", byState, l));
        body.append("<h2>").append(esc(l.get("overdue"))).append("</h2>").append(Charts.bars("chart-overdue", overdue, "#b00020"));
        body.append("<h2>").append(esc(l.get("timeToDecision") + " · " + l.get("median"))).append("</h2>")
                .append(Charts.bars("chart-median", median, "#42a5f5"));
        body.append("<h2>").append(esc(l.get("timeToDecision") + " · " + l.get("p90"))).append("</h2>")
                .append(Charts.bars("chart-p90", p90, "#1565c0"));
        body.append("<h2>").append(esc(l.get("outcomes"))).append("</h2>")
                .append(Charts.bars("chart-outcomes", (Map<String, Integer>) d.get("outcomes"), "#2e7d32"));
        body.append("<h2>").append(esc(l.get("clauses"))).append("</h2><table id=\"clauses\"><tr><th>")
                .append(esc(l.get("clause"))).append("</th><th>").append(esc(l.get("total"))).append("</th><th>")
                .append(esc(l.get("outcomes"))).append("</th></tr>");
        ((Map<String, Map<String, Integer>>) d.get("clauses")).forEach((clause, c) -> {
            Map<String, Integer> mix = new LinkedHashMap<>(c);
            Integer items = mix.remove("items");
            body.append("<tr><td><a href=\"/board?clause=").append(url(clause)).append(and(l)).append("\">").append(esc(clause))
                    .append("</a></td><td class=\"num\">").append(items).append("</td><td>").append(esc(mix)).append("</td></tr>");
        });
        body.append("</table>");
        return ResponseEntity.ok().contentType(HTML).body(Html.page(l, l.get("dashboard"), body.toString()));
    }

    @GetMapping("/board")
    public ResponseEntity<String> board(BoardController.BoardParams params, @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        BoardFilter filter;
        try {
            filter = params.toFilter(100);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(HTML)
                    .body(Html.page(l, l.get("board"), "<p class=\"late\">" + esc(e.getMessage()) + "</p>"));
        }
        Caller who = caller.get();
        StatusBoard.Page result = board.query(filter, who);
        StringBuilder body = new StringBuilder("<div class=\"chips\" id=\"state-filters\">");
        body.append(chip("/board?" + keep(filter, null, l), l.get("all"), filter.state() == null));
        for (String s : Charts.STATES) {
            body.append(chip("/board?state=" + s + "&" + keep(filter, "state", l), l.get(s), s.equals(filter.state())));
        }
        body.append(chip("/board?overdue=true&" + keep(filter, "overdue", l), l.get("overdue"), Boolean.TRUE.equals(filter.overdue())));
        body.append("</div><form class=\"filters\" method=\"get\" action=\"/board\">")
                .append(input("consultation", l.get("consultation"), filter.consultation()))
                .append(input("bureau", l.get("bureau"), filter.bureau()))
                .append(input("clause", l.get("clause"), filter.clause()))
                .append(input("outcome", l.get("outcome"), filter.outcome()))
                .append(input("q", l.get("text"), filter.text()))
                .append(filter.state() == null ? "" : "<input type=\"hidden\" name=\"state\" value=\"" + esc(filter.state()) + "\">")
                .append(l.suffix().isEmpty() ? "" : "<input type=\"hidden\" name=\"lang\" value=\"en\">")
                .append("<button type=\"submit\">").append(esc(l.get("search"))).append("</button></form>");
        body.append("<p id=\"count\">").append(result.total()).append(" ").append(esc(l.get("found"))).append("</p>");
        if (result.items().isEmpty()) {
            body.append("<p>").append(esc(l.get("none"))).append("</p>");
        } else {
            body.append("<table id=\"items\"><tr><th>").append(esc(l.get("state"))).append("</th><th>").append(esc(l.get("bureau")))
                    .append("</th><th>").append(esc(l.get("clause"))).append("</th><th>").append(esc(l.get("submitter")))
                    .append("</th><th>").append(esc(l.get("opinion"))).append("</th><th>").append(esc(l.get("outcome")))
                    .append("</th><th>").append(esc(l.get("received"))).append("</th><th>").append(esc(l.get("due"))).append("</th></tr>");
            for (Map<String, Object> item : result.items()) {
                boolean late = Boolean.TRUE.equals(item.get("overdue"));
                String opinion = String.valueOf(item.getOrDefault("opinion", ""));
                body.append("<tr class=\"item\" data-state=\"").append(esc(item.get("state"))).append("\"><td>")
                        .append("<a href=\"/items/").append(url((String) item.get("id"))).append(l.suffix().isEmpty() ? "" : "?lang=en")
                        .append("\">").append(esc(l.get(String.valueOf(item.get("state"))))).append("</a></td><td>")
                        .append(esc(item.get("leadBureau"))).append("</td><td>").append(esc(item.get("citedClauses"))).append("</td><td>")
                        .append(esc(item.get("submitterPublicName"))).append("</td><td class=\"opinion\">")
                        .append(esc(opinion.length() > 120 ? opinion.substring(0, 120) + "…" : opinion)).append("</td><td>")
                        .append(esc(item.get("outcome"))).append("</td><td>").append(esc(item.get("receivedAt"))).append("</td><td")
                        .append(late ? " class=\"late\"" : "").append(">").append(esc(item.get("dueAt"))).append("</td></tr>");
            }
            body.append("</table>");
        }
        return ResponseEntity.ok().contentType(HTML).body(Html.page(l, l.get("board"), body.toString()));
    }

    @GetMapping("/items/{id}")
    public ResponseEntity<String> item(@PathVariable String id, @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        boolean visible = views.collection(SubmissionProjection.COLLECTION)
                .find(Filters.and(Filters.eq("_id", id), ItemAccess.filterFor(caller.get()))).first() != null;
        List<Document> events = visible ? history.timeline(id) : List.of();
        if (events.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
                    .body(Html.page(l, l.get("item"), "<p>" + esc(l.get("none")) + "</p>"));
        }
        StringBuilder body = new StringBuilder("<p>").append(esc(id)).append("</p><table id=\"timeline\"><tr><th>#</th><th>")
                .append(esc(l.get("when"))).append("</th><th>").append(esc(l.get("who"))).append("</th><th>")
                .append(esc(l.get("bureau"))).append("</th><th>").append(esc(l.get("what"))).append("</th></tr>");
        for (Document e : events) {
            body.append("<tr class=\"event\" data-type=\"").append(esc(e.getString("type"))).append("\"><td>").append(e.get("sequence"))
                    .append("</td><td>").append(esc(e.getDate("occurredAt").toInstant())).append("</td><td>").append(esc(e.getString("actor")))
                    .append("</td><td>").append(esc(e.getString("actorBureau"))).append("</td><td>").append(esc(e.getString("summary")))
                    .append("</td></tr>");
        }
        body.append("</table>");
        return ResponseEntity.ok().contentType(HTML).body(Html.page(l, l.get("item"), body.toString()));
    }

    private static String card(String id, String label, Object value) {
        return "<div class=\"card\" id=\"card-" + id + "\">" + esc(label) + "<b>" + esc(value) + "</b></div>";
    }

    private static String chip(String href, String label, boolean on) {
        return "<a class=\"filter" + (on ? " on" : "") + "\" href=\"" + esc(href) + "\">" + esc(label) + "</a>";
    }

    private static String input(String name, String label, String value) {
        return "<label>" + esc(label) + "<input name=\"" + name + "\" value=\"" + esc(value) + "\"></label>";
    }

    private static String and(Labels l) {
        return l.suffix().isEmpty() ? "" : "&" + l.suffix();
    }

    /** The current filter as URL parameters, without {@code dropped}. */
    private static String keep(BoardFilter f, String dropped, Labels l) {
        StringBuilder s = new StringBuilder();
        append(s, "consultation", f.consultation());
        append(s, "bureau", f.bureau());
        append(s, "clause", f.clause());
        append(s, "outcome", f.outcome());
        append(s, "q", f.text());
        if (!"state".equals(dropped) && dropped != null) {
            append(s, "state", f.state());
        }
        if (!l.suffix().isEmpty()) {
            append(s, "lang", "en");
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null) {
            s.append(s.isEmpty() ? "" : "&").append(name).append("=").append(url(value));
        }
    }
}
