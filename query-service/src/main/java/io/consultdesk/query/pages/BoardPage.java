package io.consultdesk.query.pages;

import io.consultdesk.query.board.BoardController;
import io.consultdesk.query.board.BoardFilter;
import io.consultdesk.query.board.BoardRow;
import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.presentation.LocalTimes;
import io.consultdesk.query.presentation.Text;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.security.CurrentCaller;
import io.consultdesk.security.ProblemPhrases;
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

/** The status board page: state chips, filters, and a page of items with times in their consultation's zone. */
@RestController
public class BoardPage {

    private final StatusBoard board;
    private final Consultations consultations;
    private final CurrentCaller caller;
    private final List<ProblemPhrases> phrases;

    public BoardPage(StatusBoard board, Consultations consultations, CurrentCaller caller, List<ProblemPhrases> phrases) {
        this.board = board;
        this.consultations = consultations;
        this.caller = caller;
        this.phrases = phrases;
    }

    @GetMapping("/board")
    public ResponseEntity<String> board(BoardController.BoardParams params, @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        BoardFilter filter;
        try {
            filter = params.toFilter(100);
        } catch (IllegalArgumentException e) {
            String message = l.suffix().isEmpty() ? ProblemPhrases.chinese(e.getMessage(), phrases) : e.getMessage();
            return Html.answer(HttpStatus.BAD_REQUEST, l, l.get("board"), "<p class=\"late\" id=\"refused\">" + esc(message) + "</p>");
        }
        StatusBoard.Page result = board.query(filter, caller.get());
        StringBuilder body = new StringBuilder(filters(filter, FilterChoices.of(consultations, filter.consultation(), caller.get()), l));
        body.append("<p id=\"count\">").append(result.total()).append(" ").append(esc(l.get("found"))).append("</p>");
        if (result.items().isEmpty()) {
            body.append("<p>").append(esc(l.get("none"))).append("</p>");
            return Html.answer(HttpStatus.OK, l, l.get("board"), body.toString());
        }
        Map<String, ZoneId> zones = consultations.zones(result.items().stream().map(BoardRow::consultationId)
                .filter(c -> c != null).collect(Collectors.toSet()));
        body.append("<table id=\"items\">")
                .append(Html.headers(l, "state", "bureau", "clause", "submitter", "opinion", "outcome", "received", "due"));
        for (BoardRow item : result.items()) {
            LocalTimes times = LocalTimes.in(zones.get(item.consultationId()));
            String opinion = item.opinion() == null ? "" : item.opinion();
            body.append("<tr class=\"item\" data-state=\"").append(esc(item.state())).append("\"><td>")
                    .append("<a href=\"/items/").append(url(item.id())).append(Html.lang(l, true)).append("\">")
                    .append(esc(l.get(item.state()))).append("</a></td><td>")
                    .append(esc(item.leadBureau())).append("</td><td class=\"clauses\">").append(esc(Text.list(item.citedClauses())))
                    .append("</td><td>").append(esc(item.submitterPublicName())).append("</td><td class=\"opinion\">")
                    .append(item.campaignClusterId() == null ? "" : "<a class=\"campaign\" href=\""
                            + esc(CampaignPages.clusterPath(item.consultationId(), item.campaignClusterId(), l)) + "\">"
                            + esc(l.get("cluster")) + "</a> ")
                    .append(esc(opinion.length() > 120 ? opinion.substring(0, 120) + "…" : opinion)).append("</td><td>")
                    .append(esc(item.outcome())).append("</td><td class=\"time\">").append(esc(times.format(item.receivedAt())))
                    .append("</td><td class=\"due").append(item.overdue() ? " late" : "").append("\">")
                    .append(esc(times.format(item.dueAt()))).append("</td></tr>");
        }
        body.append("</table>");
        return Html.answer(HttpStatus.OK, l, l.get("board"), body.toString());
    }

    private static String filters(BoardFilter filter, FilterChoices choices, Labels l) {
        StringBuilder chips = new StringBuilder("<div class=\"chips\" id=\"state-filters\">");
        chips.append(chip("/board?" + keep(filter, null, l), l.get("all"), filter.state() == null));
        for (String s : ItemStates.ALL) {
            chips.append(chip("/board?state=" + s + "&" + keep(filter, "state", l), l.get(s), s.equals(filter.state())));
        }
        chips.append(chip("/board?overdue=true&" + keep(filter, "overdue", l), l.get("overdue"), Boolean.TRUE.equals(filter.overdue())));
        return chips.append("</div><form class=\"filters\" method=\"get\" action=\"/board\">")
                .append(select("consultation", l.get("consultation"), FilterChoices.options(choices.consultations(), filter.consultation()),
                        filter.consultation(), l))
                .append(select("bureau", l.get("bureau"), FilterChoices.options(choices.bureaus(), filter.bureau()), filter.bureau(), l))
                .append(select("clause", l.get("clause"), FilterChoices.options(choices.clauses(), filter.clause()), filter.clause(), l))
                .append(select("outcome", l.get("outcome"), FilterChoices.options(choices.outcomes(), filter.outcome()), filter.outcome(), l))
                .append(input("q", l.get("text"), filter.text()))
                .append(filter.state() == null ? "" : "<input type=\"hidden\" name=\"state\" value=\"" + esc(filter.state()) + "\">")
                .append(l.suffix().isEmpty() ? "" : "<input type=\"hidden\" name=\"lang\" value=\"en\">")
                .append("<button type=\"submit\">").append(esc(l.get("search"))).append("</button></form>").toString();
    }

    private static String chip(String href, String label, boolean on) {
        return "<a class=\"filter" + (on ? " on" : "") + "\" href=\"" + esc(href) + "\">" + esc(label) + "</a>";
    }

    /** A dropdown inside its label (the filters' layout), "all" first. */
    private static String select(String name, String label, Map<String, String> options, String chosen, Labels l) {
        return "<label>" + esc(label) + "<select name=\"" + name + "\">" + Forms.options(options, chosen, l.get("all"))
                + "</select></label>";
    }

    private static String input(String name, String label, String value) {
        return "<label>" + esc(label) + "<input name=\"" + name + "\" value=\"" + esc(value) + "\"></label>";
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
