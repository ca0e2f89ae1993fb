package io.consultdesk.query.pages;

import io.consultdesk.query.board.BoardFilter;
import io.consultdesk.query.board.BoardRow;
import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.query.consultation.ConsultationOverview;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.desk.CommandService;
import io.consultdesk.query.desk.CommandService.Reply;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
import io.consultdesk.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/**
 * Publishing a consultation's table, for a supervisor: a preview of the rows the next version will have (every
 * decided item in the order received, as publication numbers them) and of the undecided items, which refuse the
 * publication unless left out — ticked here — then the post to command-service. Published, the page links the version.
 */
@RestController
public class PublicationPage {

    private static final int PAGE = BoardFilter.MAX_SIZE;

    private final StatusBoard board;
    private final Consultations consultations;
    private final CommandService commands;
    private final CurrentCaller caller;

    public PublicationPage(StatusBoard board, Consultations consultations, CommandService commands, CurrentCaller caller) {
        this.board = board;
        this.consultations = consultations;
        this.commands = commands;
        this.caller = caller;
    }

    @GetMapping("/consultations/{id}/publication")
    public ResponseEntity<String> preview(@PathVariable String id, @RequestParam(required = false) String lang,
                                          @RequestParam(required = false) Integer version) {
        Labels l = new Labels(lang);
        Forms.Notice notice = version == null ? null : Forms.Notice.done(l.get("done-publication").formatted(version));
        return render(id, l, notice, List.of(), HttpStatus.OK, version);
    }

    @PostMapping(path = "/desk/consultations/{id}/publication", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> publish(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                          HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Map<String, Object> command = new LinkedHashMap<>();
        List<String> leaveOut = form.getOrDefault("leaveOut", List.of());
        command.put("leaveOut", leaveOut);
        String heading = form.getFirst("heading");
        if (heading != null && !heading.isBlank()) {
            command.put("heading", heading.strip());
        }
        Reply reply = commands.post("/api/consultations/" + url(id) + "/publication", command, request, l.lang());
        if (!reply.ok()) {
            Forms.Notice notice = Forms.refusal(reply, l);
            List<String> undecided = new ArrayList<>();
            reply.body().path("undecided").forEach(u -> undecided.add(u.asText()));
            if (!undecided.isEmpty()) {
                notice = new Forms.Notice(true, l.get("undecidedRefuse").formatted(undecided.size()));
            }
            HttpStatus status = HttpStatus.resolve(reply.status());
            return render(id, l, notice, leaveOut, status == null ? HttpStatus.BAD_GATEWAY : status, null);
        }
        int version = reply.body().path("version").asInt();
        awaitPublished(id, version);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/consultations/" + url(id) + "/publication?version=" + version + Html.lang(l, false))).build();
    }

    /** Until the read side lists the version (briefly): the page then links a table that is there. */
    private void awaitPublished(String id, int version) {
        Caller who = caller.get();
        ReadSide.await(() -> consultations.find(id, who).map(c -> c.overview().publishedVersions().contains(version)).orElse(false));
    }

    private ResponseEntity<String> render(String id, Labels l, Forms.Notice notice, List<String> leftOut, HttpStatus status,
                                          Integer published) {
        Caller who = caller.get();
        ConsultationOverview overview = consultations.find(id, who).map(c -> c.overview()).orElse(null);
        if (overview == null) {
            return Html.answer(HttpStatus.NOT_FOUND, l, l.get("publish"), "<p>" + esc(l.get("noConsultation")) + "</p>");
        }
        List<BoardRow> decided = items(id, List.of(ItemStates.DECIDED, ItemStates.PUBLISHED), who);
        decided.sort(Comparator.comparing(BoardRow::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(BoardRow::id));
        List<BoardRow> undecided = items(id, List.of(ItemStates.RECEIVED, ItemStates.ASSIGNED), who);
        StringBuilder body = new StringBuilder(notice == null ? "" : notice.html());
        if (published != null) {
            body.append("<p><a id=\"published-table\" href=\"/api/consultations/").append(url(id)).append("/table?format=html&amp;version=")
                    .append(published).append("\">").append(esc(l.get("seeTable").formatted(published))).append("</a></p>");
        }
        body.append("<p class=\"muted\">").append(esc(overview.title())).append(" · ").append(esc(l.get("versions")))
                .append(l.get("colon")).append(esc(overview.publishedVersions().isEmpty() ? "—" : overview.publishedVersions().toString()
                        .replaceAll("[\\[\\]]", ""))).append("</p>");
        StringBuilder fields = new StringBuilder(Forms.text("heading", l.get("heading"), "", false));
        if (!undecided.isEmpty()) {
            body.append("<h2 id=\"undecided-heading\">").append(esc(l.get("undecided"))).append("（").append(undecided.size()).append("）</h2>")
                    .append("<p>").append(esc(l.get("undecidedHelp"))).append("</p>");
            fields.append("<fieldset class=\"choices\" id=\"f-leaveOut\"><legend>").append(esc(l.get("leaveOut"))).append("</legend>");
            int i = 0;
            for (BoardRow r : undecided) {
                String fid = "f-leaveOut-" + i++;
                String opinion = r.opinion() == null ? "" : r.opinion();
                fields.append("<div class=\"undecided\" data-id=\"").append(esc(r.id())).append("\"><label for=\"").append(fid)
                        .append("\"><input type=\"checkbox\" id=\"").append(fid).append("\" name=\"leaveOut\" value=\"").append(esc(r.id()))
                        .append("\"").append(leftOut.contains(r.id()) ? " checked" : "").append("> ").append(esc(l.get(r.state())))
                        .append(" · ").append(esc(r.leadBureau())).append(" · ")
                        .append(esc(opinion.length() > 60 ? opinion.substring(0, 60) + "…" : opinion))
                        .append("</label> <a href=\"/items/").append(url(r.id())).append(Html.lang(l, true)).append("\">")
                        .append(esc(l.get("open"))).append("</a></div>");
            }
            fields.append("</fieldset>");
        }
        if (who.hasRole(Roles.SUPERVISOR)) {
            body.append(Forms.form("publish", "/desk/consultations/" + url(id) + "/publication", l, l.get("publishNext"),
                    fields.toString(), l.get("publish")));
        }
        body.append("<h2 id=\"preview-heading\">").append(esc(l.get("preview"))).append("（").append(decided.size()).append("）</h2>")
                .append("<table id=\"preview\"><tr><th>").append(esc(l.get("rowNumber"))).append("</th><th>").append(esc(l.get("submitter")))
                .append("</th><th>").append(esc(l.get("opinion"))).append("</th><th>").append(esc(l.get("outcome")))
                .append("</th><th>").append(esc(l.get("reason"))).append("</th></tr>");
        int row = 1;
        for (BoardRow r : decided) {
            body.append("<tr class=\"row\" data-id=\"").append(esc(r.id())).append("\"><td class=\"num\">").append(row++).append("</td><td>")
                    .append(esc(r.submitterPublicName())).append("</td><td class=\"opinion\">").append(esc(r.opinion())).append("</td><td>")
                    .append(esc(r.outcome())).append("</td><td>").append(esc(r.reason())).append("</td></tr>");
        }
        body.append("</table>");
        return Html.answer(status, l, l.get("publish") + " · " + id, body.toString());
    }

    /** Every item of the consultation in {@code states}, read a board page at a time. */
    private List<BoardRow> items(String consultation, List<String> states, Caller who) {
        List<BoardRow> all = new ArrayList<>();
        for (String state : states) {
            for (int page = 0; ; page++) {
                StatusBoard.Page p = board.query(new BoardFilter(consultation, state, null, null, null, null, null, "receivedAt", page, PAGE, null), who);
                all.addAll(p.items());
                if (p.items().size() < PAGE) {
                    break;
                }
            }
        }
        return all;
    }
}
