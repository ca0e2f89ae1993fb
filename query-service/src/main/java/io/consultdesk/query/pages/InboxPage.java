package io.consultdesk.query.pages;

import io.consultdesk.query.board.BoardFilter;
import io.consultdesk.query.board.BoardRow;
import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.presentation.LocalTimes;
import io.consultdesk.query.presentation.Text;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
import io.consultdesk.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/**
 * An official's inbox: the open items routed to their bureau, due soonest first — those it leads, to decide,
 * and those it co-handles, for its opinion — each with the opinion (cited clauses marked) and the routing
 * basis, linking to the item's page where it is decided. Staff of no bureau choose one ({@code ?bureau=}).
 */
@RestController
public class InboxPage {

    static final int SIZE = 200;

    private final StatusBoard board;
    private final Consultations consultations;
    private final CurrentCaller caller;

    public InboxPage(StatusBoard board, Consultations consultations, CurrentCaller caller) {
        this.board = board;
        this.consultations = consultations;
        this.caller = caller;
    }

    @GetMapping("/inbox")
    public ResponseEntity<String> inbox(@RequestParam(required = false) String bureau, @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        Caller who = caller.get();
        String mine = who.hasRole(Roles.OFFICIAL) && !who.bureau().isEmpty() ? who.bureau() : bureau == null ? "" : bureau.strip();
        StringBuilder body = new StringBuilder();
        if (!who.hasRole(Roles.OFFICIAL)) {
            // staff of no bureau look at a bureau's inbox: one of the catalogues'
            List<String> bureaus = FilterChoices.of(consultations, null, who).bureaus();
            body.append("<form class=\"filters\" method=\"get\" action=\"/inbox\"><label>").append(esc(l.get("bureau")))
                    .append("<select name=\"bureau\">").append(Forms.options(FilterChoices.options(bureaus, mine.isEmpty() ? null : mine),
                            mine, l.get("chooseBureau"))).append("</select></label>")
                    .append(l.suffix().isEmpty() ? "" : Forms.hidden("lang", "en"))
                    .append("<button type=\"submit\">").append(esc(l.get("search"))).append("</button></form>");
        }
        if (mine.isEmpty()) {
            return Html.answer(HttpStatus.OK, l, l.get("inbox"), body.append("<p>").append(esc(l.get("chooseBureau"))).append("</p>").toString());
        }
        List<BoardRow> open = board.query(new BoardFilter(null, ItemStates.ASSIGNED, mine, null, null, null, null, "dueAt", 0, SIZE, null), who).items();
        Map<String, ZoneId> zones = zones(open);
        Map<String, List<BoardRow.RoutingBasis>> bases = board.routingBases(open);
        List<BoardRow> lead = open.stream().filter(r -> mine.equals(r.leadBureau())).toList();
        List<BoardRow> co = open.stream().filter(r -> !mine.equals(r.leadBureau())).toList();
        body.append("<h2 id=\"to-decide\">").append(esc(l.get("toDecide"))).append("（").append(lead.size()).append("）</h2>")
                .append(table("lead-items", lead, bases, zones, l))
                .append("<h2 id=\"to-advise\">").append(esc(l.get("toAdvise"))).append("（").append(co.size()).append("）</h2>")
                .append(table("co-items", co, bases, zones, l));
        // decided but not yet published: the lead may still revise them
        List<BoardRow> decided = board.query(new BoardFilter(null, ItemStates.DECIDED, mine, null, null, null, null, "-decidedAt", 0, SIZE, null), who)
                .items().stream().filter(r -> mine.equals(r.leadBureau())).toList();
        body.append("<h2 id=\"to-revise\">").append(esc(l.get("toRevise"))).append("（").append(decided.size()).append("）</h2>")
                .append(table("decided-items", decided, board.routingBases(decided), zones(decided), l));
        return Html.answer(HttpStatus.OK, l, l.get("inbox") + " · " + mine, body.toString());
    }

    private Map<String, ZoneId> zones(List<BoardRow> rows) {
        return consultations.zones(rows.stream().map(BoardRow::consultationId).filter(c -> c != null).collect(Collectors.toSet()));
    }

    private static String table(String id, List<BoardRow> rows, Map<String, List<BoardRow.RoutingBasis>> bases,
                                Map<String, ZoneId> zones, Labels l) {
        if (rows.isEmpty()) {
            return "<p id=\"" + id + "\">" + esc(l.get("nothingWaiting")) + "</p>";
        }
        StringBuilder t = new StringBuilder("<table id=\"").append(id).append("\">")
                .append(Html.headers(l, "due", "opinion", "clause", "routing", "lead", "coBureaus"));
        for (BoardRow r : rows) {
            LocalTimes times = LocalTimes.in(zones.get(r.consultationId()));
            String basis = bases.getOrDefault(r.id(), List.of()).stream()
                    .map(b -> b.clause() + "→" + (b.units().isEmpty() ? "—" : String.join("、", b.units())))
                    .collect(Collectors.joining("；"));
            if (Boolean.TRUE.equals(r.triage())) {
                basis = l.get("triage") + (basis.isEmpty() ? "" : "；" + basis);
            }
            t.append("<tr class=\"item\" data-id=\"").append(esc(r.id())).append("\"><td class=\"due").append(r.overdue() ? " late" : "")
                    .append("\">").append(esc(times.format(r.dueAt()))).append("</td><td class=\"opinion\"><a href=\"/items/")
                    .append(url(r.id())).append(Html.lang(l, true)).append("\">").append(esc(l.get("open"))).append("</a> ")
                    .append(Html.marked(r.opinion(), r.citedClauses())).append("</td><td class=\"clauses\">")
                    .append(esc(Text.list(r.citedClauses()))).append("</td><td>").append(esc(basis)).append("</td><td>")
                    .append(esc(r.leadBureau())).append("</td><td>").append(esc(Text.list(r.coBureaus()))).append("</td></tr>");
        }
        return t.append("</table>").toString();
    }
}
