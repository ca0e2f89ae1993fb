package io.consultdesk.query.pages;

import io.consultdesk.query.dashboard.Dashboard;
import io.consultdesk.query.dashboard.DashboardView;
import io.consultdesk.query.presentation.Text;
import io.consultdesk.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.consultdesk.query.pages.Html.card;
import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/** The dashboard page: totals, bureaus by state, overdue, time to decision, outcomes, clauses in document order. */
@RestController
public class DashboardPage {

    private final Dashboard dashboard;
    private final CurrentCaller caller;

    public DashboardPage(Dashboard dashboard, CurrentCaller caller) {
        this.dashboard = dashboard;
        this.caller = caller;
    }

    @GetMapping("/dashboard")
    public ResponseEntity<String> dashboard(@RequestParam(required = false) String consultation,
                                            @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        DashboardView d = dashboard.compute(consultation == null || consultation.isBlank() ? null : consultation, caller.get());
        StringBuilder body = new StringBuilder("<div class=\"cards\">")
                .append(card("total", l.get("total"), d.total()))
                .append(card("overdue", l.get("overdue"), d.overdue()))
                .append(card("handled", l.get("handled"), d.progress().decidedOrClosed() + " (" + d.progress().percentHandled() + "%)"))
                .append(card("published", l.get("published"), d.progress().published()))
                .append(card("awaiting-co-handlers", l.get("awaitingCoHandlers"), d.awaitingCoHandlers()))
                .append(card("lag", l.get("lag"), d.feedLag().events()))
                .append("</div>");
        if (!d.awaitedFrom().isEmpty()) {
            body.append("<p id=\"awaited-from\">").append(esc(l.get("awaitedFrom"))).append(l.get("colon"))
                    .append(esc(Text.counts(d.awaitedFrom()))).append("</p>");
        }
        Map<String, Map<String, Integer>> byState = new LinkedHashMap<>();
        Map<String, Number> overdue = new LinkedHashMap<>();
        Map<String, Number> median = new LinkedHashMap<>();
        Map<String, Number> p90 = new LinkedHashMap<>();
        d.bureaus().forEach((name, f) -> {
            byState.put(name, f.byState());
            overdue.put(name, f.overdue());
            median.put(name, f.hoursToDecision().median());
            p90.put(name, f.hoursToDecision().p90());
        });
        body.append("<h2>").append(esc(l.get("byBureau"))).append("</h2>").append(Charts.stackedBars("chart-bureaus", byState, l));
        body.append("<h2>").append(esc(l.get("overdue"))).append("</h2>").append(Charts.bars("chart-overdue", overdue, "#b00020"));
        body.append("<h2>").append(esc(l.get("timeToDecision") + " · " + l.get("median"))).append("</h2>")
                .append(Charts.bars("chart-median", median, "#42a5f5"));
        body.append("<h2>").append(esc(l.get("timeToDecision") + " · " + l.get("p90"))).append("</h2>")
                .append(Charts.bars("chart-p90", p90, "#1565c0"));
        int imported = d.bureaus().values().stream().mapToInt(b -> b.hoursToDecision().imported()).sum();
        if (imported > 0) {
            body.append("<p id=\"imported-decisions\" class=\"muted\">").append(esc(l.get("importedNotTimed").formatted(imported))).append("</p>");
        }
        body.append("<h2>").append(esc(l.get("outcomes"))).append("</h2>")
                .append(Charts.bars("chart-outcomes", d.outcomes(), "#2e7d32"));
        body.append("<h2>").append(esc(l.get("clauses"))).append("</h2><table id=\"clauses\">")
                .append(Html.headers(l, "clause", "total", "outcomes"));
        d.clauses().forEach((clause, c) -> body.append("<tr><td><a href=\"/board?clause=").append(url(clause)).append(Html.lang(l, false))
                .append("\">").append(esc(clause)).append("</a></td><td class=\"num\">").append(c.items()).append("</td><td>")
                .append(esc(Text.counts(c.outcomes()))).append("</td></tr>"));
        body.append("</table>");
        return Html.answer(HttpStatus.OK, l, l.get("dashboard"), body.toString());
    }
}
