package io.consultdesk.query.pages;

import io.consultdesk.query.consultation.ConsultationDetail;
import io.consultdesk.query.consultation.ConsultationOverview;
import io.consultdesk.query.consultation.ConsultationStates;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.consultdesk.query.pages.Html.card;
import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/** The list of consultations and a page per consultation: its catalogue by chapter, in document order, and progress. */
@RestController
public class ConsultationPages {

    private final Consultations consultations;
    private final CurrentCaller caller;

    public ConsultationPages(Consultations consultations, CurrentCaller caller) {
        this.consultations = consultations;
        this.caller = caller;
    }

    @GetMapping("/consultations")
    public ResponseEntity<String> list(@RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        Caller who = caller.get();
        List<ConsultationOverview> all = consultations.list(who);
        String open = who.hasRole(Roles.SUPERVISOR) || who.hasRole(Roles.ADMIN) ? "<p class=\"chips\"><a id=\"action-open\" href=\"/consultations/new"
                + Html.lang(l, true) + "\">" + esc(l.get("openConsultation")) + "</a></p>" : "";
        if (all.isEmpty()) {
            return Html.answer(HttpStatus.OK, l, l.get("consultations"), open + "<p>" + esc(l.get("noConsultations")) + "</p>");
        }
        StringBuilder body = new StringBuilder(open).append("<table id=\"consultations\">")
                .append(Html.headers(l, "title", "draftingUnit", "period", "state", "total", "progress", "versions"));
        for (ConsultationOverview c : all) {
            LocalTimes times = LocalTimes.in(LocalTimes.zone(c.timeZone()));
            body.append("<tr class=\"consultation\" data-id=\"").append(esc(c.id())).append("\"><td><a href=\"/consultations/")
                    .append(url(c.id())).append(Html.lang(l, true)).append("\">").append(esc(c.title())).append("</a></td><td>")
                    .append(esc(c.draftingUnit())).append("</td><td>").append(esc(period(c, times))).append("</td><td>")
                    .append(esc(l.get(c.state()))).append("</td><td class=\"num\">").append(c.total()).append("</td><td>")
                    .append(esc(byState(c, l))).append("</td><td>").append(esc(versions(c))).append("</td></tr>");
        }
        return Html.answer(HttpStatus.OK, l, l.get("consultations"), body.append("</table>").toString());
    }

    /** Links to the work the caller may do on the consultation: register, import, publish; and its public page. */
    private static String actions(String id, String state, Caller who, Labels l) {
        String base = "/consultations/" + url(id);
        StringBuilder links = new StringBuilder("<p class=\"chips\" id=\"actions\">");
        if (who.hasRole(Roles.CLERK)) {
            links.append("<a id=\"action-register\" href=\"").append(base).append("/registration").append(Html.lang(l, true)).append("\">")
                    .append(esc(l.get("register"))).append("</a>");
        }
        if (who.hasRole(Roles.CLERK) || who.hasRole(Roles.SUPERVISOR)) {
            links.append("<a id=\"action-import\" href=\"").append(base).append("/import").append(Html.lang(l, true)).append("\">")
                    .append(esc(l.get("import"))).append("</a>");
        }
        if (who.hasRole(Roles.SUPERVISOR)) {
            links.append("<a id=\"action-publish\" href=\"").append(base).append("/publication").append(Html.lang(l, true)).append("\">")
                    .append(esc(l.get("publish"))).append("</a>");
        }
        links.append("<a id=\"action-public\" href=\"/public").append(base).append(Html.lang(l, true)).append("\">")
                .append(esc(l.get("publicPage"))).append("</a>");
        links.append("</p>");
        if (who.hasRole(Roles.SUPERVISOR) || who.hasRole(Roles.ADMIN)) {
            links.append("<p class=\"chips\"><a id=\"action-catalogue\" href=\"").append(base).append("/catalogue")
                    .append(Html.lang(l, true)).append("\">").append(esc(l.get("loadCatalogue"))).append("</a></p>");
            if (ConsultationStates.OPEN.equals(state)) {
                links.append("<form id=\"close\" method=\"post\" action=\"/desk").append(base).append("/closure\">")
                        .append(l.suffix().isEmpty() ? "" : Forms.hidden("lang", "en"))
                        .append("<button type=\"submit\">").append(esc(l.get("closeConsultation"))).append("</button></form>");
            }
        }
        return links.toString();
    }

    @GetMapping("/consultations/{id}")
    public ResponseEntity<String> consultation(@PathVariable String id, @RequestParam(required = false) String lang,
                                               @RequestParam(required = false) String done) {
        Labels l = new Labels(lang);
        String notice = done != null && ConsultationActions.DONE.contains(done) ? Forms.Notice.done(l.get("done-" + done)).html() : "";
        Optional<ConsultationDetail> found = consultations.find(id, caller.get());
        if (found.isEmpty()) {
            return Html.answer(HttpStatus.NOT_FOUND, l, l.get("consultations"), "<p>" + esc(l.get("noConsultation")) + "</p>");
        }
        ConsultationDetail d = found.get();
        ConsultationOverview c = d.overview();
        LocalTimes times = LocalTimes.in(LocalTimes.zone(c.timeZone()));
        StringBuilder body = new StringBuilder(notice).append(actions(id, c.state(), caller.get(), l))
                .append("<dl class=\"summary\" id=\"overview\">");
        Html.entry(body, "overview-drafting-unit", l.get("draftingUnit"), c.draftingUnit());
        Html.entry(body, "overview-period", l.get("period"), period(c, times));
        Html.entry(body, "overview-time-zone", l.get("timeZone"), c.timeZone());
        Html.entry(body, "overview-state", l.get("state"), l.get(c.state()));
        body.append("<dt>").append(esc(l.get("versions"))).append("</dt><dd id=\"overview-versions\">")
                .append(c.publishedVersions().isEmpty() ? "—" : String.join("、", c.publishedVersions().stream()
                        .map(v -> "<a href=\"/api/consultations/" + url(c.id()) + "/table?format=html&amp;version=" + v + "\">v" + v + "</a>")
                        .toList()))
                .append(c.publishedVersions().size() < 2 ? "" : " · <a id=\"compare-versions\" href=\"" + ComparisonPage.path(c.id(), l) + "\">"
                        + esc(l.get("compareVersions")) + "</a>")
                .append("</dd>");
        if (c.publishing() != null) {
            Html.entry(body, "overview-publishing", l.get("publishing"), publishing(c.publishing(), l));
        }
        body.append("</dl><h2>").append(esc(l.get("progress"))).append("</h2><div class=\"cards\">")
                .append(card("total", l.get("total"), c.total()))
                .append(card("handled", l.get("handled"), c.progress().decidedOrClosed() + " (" + c.progress().percentHandled() + "%)"))
                .append(card("published", l.get("published"), c.progress().published()))
                .append("</div><p id=\"by-state\">").append(esc(byState(c, l))).append("</p><p><a href=\"/board?consultation=")
                .append(url(c.id())).append(Html.lang(l, false)).append("\">").append(esc(l.get("board"))).append("</a> · <a href=\"/dashboard?consultation=")
                .append(url(c.id())).append(Html.lang(l, false)).append("\">").append(esc(l.get("dashboard"))).append("</a>")
                .append(caller.get().seesAllItems() ? " · <a id=\"clusters-link\" href=\"/consultations/" + url(c.id()) + "/clusters"
                        + Html.lang(l, true) + "\">" + esc(l.get("clusters")) + "</a>" : "").append("</p>");
        body.append("<h2>").append(esc(l.get("catalogue"))).append("</h2>").append(catalogue(d, c, l));
        return Html.answer(HttpStatus.OK, l, c.title(), body.toString());
    }

    private static String catalogue(ConsultationDetail d, ConsultationOverview c, Labels l) {
        StringBuilder table = new StringBuilder("<table id=\"catalogue\">")
                .append(Html.headers(l, "clause", "clauseTitle", "responsibleUnits", "total", "outcomes"));
        for (ConsultationDetail.Chapter chapter : d.chapters()) {
            table.append("<tr class=\"chapter\"><th colspan=\"5\">")
                    .append(esc(chapter.name().isEmpty() ? l.get("noChapter") : chapter.name())).append("</th></tr>");
            for (ConsultationDetail.CatalogueClause clause : chapter.clauses()) {
                table.append("<tr class=\"clause\" data-clause=\"").append(esc(clause.number())).append("\"><td><a href=\"/board?consultation=")
                        .append(url(c.id())).append("&clause=").append(url(clause.number())).append(Html.lang(l, false)).append("\">")
                        .append(esc(clause.number())).append("</a></td><td>").append(esc(clause.title())).append("</td><td>")
                        .append(esc(Text.list(clause.responsibleUnits()))).append("</td><td class=\"num\">").append(clause.items())
                        .append("</td><td>").append(esc(Text.counts(clause.outcomes()))).append("</td></tr>");
            }
        }
        return table.append("</table>").toString();
    }

    private static String period(ConsultationOverview c, LocalTimes times) {
        String opened = times.format(c.period().openedAt());
        return c.period().deadline() == null ? opened : opened + " – " + c.period().deadline();
    }

    /** Counts by state in the states' own order, by their labels. */
    private static String byState(ConsultationOverview c, Labels l) {
        Map<String, Integer> labelled = new LinkedHashMap<>();
        for (String state : ItemStates.ALL) {
            Integer n = c.byState().get(state);
            if (n != null) {
                labelled.put(l.get(state), n);
            }
        }
        return Text.counts(labelled);
    }

    /** "publishing version v: n of N" (n as last recorded: the rows so far, every hundredth of a large table). */
    static String publishing(ConsultationOverview.Publishing p, Labels l) {
        return l.get("publishingProgress").formatted(p.version(), p.rowsPublished(), p.expectedRows());
    }

    private static String versions(ConsultationOverview c) {
        return Text.list(c.publishedVersions().stream().map(v -> "v" + v).toList());
    }
}
