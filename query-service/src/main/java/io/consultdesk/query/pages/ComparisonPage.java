package io.consultdesk.query.pages;

import io.consultdesk.query.consultation.ConsultationOverview;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.publication.PublishedRow;
import io.consultdesk.query.publication.PublishedTables;
import io.consultdesk.query.publication.TableComparison;
import io.consultdesk.query.publication.TableComparison.Change;
import io.consultdesk.query.publication.TableComparison.Kind;
import io.consultdesk.query.publication.TableVersion;
import io.consultdesk.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/**
 * Two published versions of a consultation's table side by side, for anyone (published tables are public): two
 * dropdowns and a plain GET form choose them (no script), and the rows added, removed, changed — outcome, reply text,
 * opinion or submitter, each shown as it was and as it is — and renumbered are listed with their 序号. Without a
 * choice it compares the latest version with the one before.
 */
@RestController
public class ComparisonPage {

    private final Consultations consultations;
    private final PublishedTables tables;

    public ComparisonPage(Consultations consultations, PublishedTables tables) {
        this.consultations = consultations;
        this.tables = tables;
    }

    /** The comparison page's address for the consultation, in the page's language. */
    static String path(String consultationId, Labels l) {
        return "/public/consultations/" + url(consultationId) + "/comparison" + Html.lang(l, true);
    }

    @GetMapping("/public/consultations/{id}/comparison")
    public ResponseEntity<String> page(@PathVariable String id, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        String path = "/public/consultations/" + url(id) + "/comparison";
        Optional<ConsultationOverview> found = consultations.find(id, Caller.PUBLIC).map(c -> c.overview());
        if (found.isEmpty()) {
            return Html.answerPublic(HttpStatus.NOT_FOUND, l, l.get("noConsultation"), path, "<p>" + esc(l.get("noConsultation")) + "</p>");
        }
        ConsultationOverview c = found.get();
        String title = l.get("compareVersions") + " · " + c.title();
        List<Integer> versions = c.publishedVersions();
        Integer newer = parse(to, versions.isEmpty() ? null : versions.get(versions.size() - 1));
        Integer older = parse(from, newer == null ? null : versions.stream().filter(v -> v < newer).reduce((a, b) -> b).orElse(null));
        String self = path + "?from=" + (older == null ? "" : older) + "&to=" + (newer == null ? "" : newer);
        StringBuilder body = new StringBuilder("<p><a href=\"/public/consultations/").append(url(id)).append(Html.lang(l, true))
                .append("\">").append(esc(c.title())).append("</a></p>").append(choice(path, versions, older, newer, l));
        if (versions.size() < 2) {
            body.append(new Forms.Notice(true, l.get("fewerThanTwoVersions")).html());
            return Html.answerPublic(HttpStatus.OK, l, title, self, body.toString());
        }
        if (older == null || newer == null || older.equals(newer)) {
            body.append(new Forms.Notice(true, l.get("chooseTwoVersions")).html());
            return Html.answerPublic(HttpStatus.BAD_REQUEST, l, title, self, body.toString());
        }
        Optional<TableVersion> a = tables.find(id, older);
        Optional<TableVersion> b = tables.find(id, newer);
        if (a.isEmpty() || b.isEmpty()) {
            body.append(new Forms.Notice(true, l.get("noSuchVersion").formatted(a.isEmpty() ? older : newer)).html());
            return Html.answerPublic(HttpStatus.NOT_FOUND, l, title, self, body.toString());
        }
        for (TableVersion v : List.of(a.get(), b.get())) {
            // a version is compared, like it is shown, only once all its rows are here
            if (!tables.complete(v)) {
                body.append(new Forms.Notice(true, l.get("versionArriving").formatted(v.version(), tables.rowsArrived(v), v.rowCount())).html());
                ResponseEntity<String> page = Html.answerPublic(HttpStatus.SERVICE_UNAVAILABLE, l, title, self, body.toString());
                return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders()).header(HttpHeaders.RETRY_AFTER, "1")
                        .body(page.getBody());
            }
        }
        body.append(comparison(id, a.get(), b.get(), TableComparison.compare(tables, a.get(), b.get()), l));
        return Html.answerPublic(HttpStatus.OK, l, title, self, body.toString());
    }

    /** The two dropdowns, the older version first; a GET form, so a comparison has an address of its own. */
    private static String choice(String path, List<Integer> versions, Integer older, Integer newer, Labels l) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Integer v : versions) {
            options.put(String.valueOf(v), l.get("versionN").formatted(v));
        }
        return "<form class=\"desk\" id=\"choose-versions\" method=\"get\" action=\"" + path + "\"><fieldset><legend>"
                + esc(l.get("chooseVersions")) + "</legend>"
                + Forms.select("from", l.get("olderVersion"), options, older == null ? "" : String.valueOf(older), null)
                + Forms.select("to", l.get("newerVersion"), options, newer == null ? "" : String.valueOf(newer), null)
                + (l.suffix().isEmpty() ? "" : Forms.hidden("lang", "en"))
                + "<button type=\"submit\">" + esc(l.get("compare")) + "</button></fieldset></form>";
    }

    private static String comparison(String id, TableVersion a, TableVersion b, List<Change> changes, Labels l) {
        Map<Kind, List<Change>> byKind = new LinkedHashMap<>();
        for (Kind kind : List.of(Kind.ADDED, Kind.REMOVED, Kind.CHANGED, Kind.RENUMBERED)) {
            byKind.put(kind, new ArrayList<>());
        }
        changes.forEach(change -> byKind.get(change.kind()).add(change));
        StringBuilder html = new StringBuilder("<h2 id=\"comparison-heading\">")
                .append(esc(l.get("versionToVersion").formatted(a.version(), b.version()))).append("</h2><p>")
                .append(tableLink(id, a, l)).append(" · ").append(tableLink(id, b, l)).append("</p><p id=\"comparison-summary\">")
                .append(esc(l.get("comparisonSummary").formatted(byKind.get(Kind.ADDED).size(), byKind.get(Kind.REMOVED).size(),
                        byKind.get(Kind.CHANGED).size(), byKind.get(Kind.RENUMBERED).size())))
                .append("</p>");
        if (changes.isEmpty()) {
            return html.append("<p id=\"no-changes\">").append(esc(l.get("noChanges"))).append("</p>").toString();
        }
        wholeRows(html, byKind.get(Kind.ADDED), "added", l.get("rowsAdded"), "rowNumber", Change::to, l);
        wholeRows(html, byKind.get(Kind.REMOVED), "removed", l.get("rowsRemoved"), "rowNumberBefore", Change::from, l);
        if (!byKind.get(Kind.CHANGED).isEmpty()) {
            html.append(section("changed", l.get("rowsChanged"), l, "rowNumber", "whatChanged", "outcomeWord", "decisionText", "opinion"));
            for (Change change : byKind.get(Kind.CHANGED)) {
                html.append(row(change)).append("<td class=\"num\">").append(numbers(change, l)).append("</td><td class=\"what\">")
                        .append(esc(whatChanged(change, l))).append("</td>")
                        .append(beforeAfter(change.from().outcome(), change.to().outcome(), change.outcomeChanged(), l))
                        .append(beforeAfter(change.from().decision(), change.to().decision(), change.decisionChanged(), l))
                        .append(beforeAfter(change.from().opinion(), change.to().opinion(), change.opinionChanged(), l)).append("</tr>");
            }
            html.append("</table></section>");
        }
        if (!byKind.get(Kind.RENUMBERED).isEmpty()) {
            html.append(section("renumbered", l.get("rowsRenumbered"), l, "rowNumber", "submitter", "opinion"));
            for (Change change : byKind.get(Kind.RENUMBERED)) {
                html.append(row(change)).append("<td class=\"num\">").append(numbers(change, l)).append("</td>")
                        .append(cell(change.to().submitter())).append(cell(change.to().opinion())).append("</tr>");
            }
            html.append("</table></section>");
        }
        return html.toString();
    }

    private static String tableLink(String id, TableVersion v, Labels l) {
        return "<a href=\"/api/consultations/" + url(id) + "/table?format=html&amp;version=" + v.version() + "\">"
                + esc(l.get("seeTable").formatted(v.version())) + "</a>";
    }

    /** Rows added or removed, shown whole: 序号, submitter, opinion and reply of the version that has them. */
    private static void wholeRows(StringBuilder html, List<Change> changes, String kind, String heading, String numberColumn,
                                  Function<Change, PublishedRow> shown, Labels l) {
        if (changes.isEmpty()) {
            return;
        }
        html.append(section(kind, heading, l, numberColumn, "submitter", "opinion", "decisionText"));
        for (Change change : changes) {
            PublishedRow r = shown.apply(change);
            html.append(row(change)).append(number(r.rowNumber())).append(cell(r.submitter())).append(cell(r.opinion()))
                    .append(cell(r.decision())).append("</tr>");
        }
        html.append("</table></section>");
    }

    private static String section(String kind, String heading, Labels l, String... columns) {
        return "<section id=\"" + kind + "\"><h3 id=\"" + kind + "-heading\">" + esc(heading) + "</h3><table aria-labelledby=\""
                + kind + "-heading\">" + Html.headers(l, columns).replace("<th>", "<th scope=\"col\">");
    }

    private static String row(Change change) {
        return "<tr class=\"change\" data-change=\"" + change.kind().word() + "\" data-id=\"" + esc(change.submissionId()) + "\">";
    }

    private static String number(int rowNumber) {
        return "<td class=\"num\">" + rowNumber + "</td>";
    }

    private static String cell(String text) {
        return "<td class=\"opinion\">" + esc(text) + "</td>";
    }

    /** 序号 as it is, with the one it had when it moved: {@code 5（原 3）}. */
    private static String numbers(Change change, Labels l) {
        return change.renumbered() ? change.to().rowNumber() + " <span class=\"muted\">" + esc(l.get("wasNumber").formatted(change.from().rowNumber()))
                + "</span>" : String.valueOf(change.to().rowNumber());
    }

    private static String whatChanged(Change change, Labels l) {
        List<String> what = new ArrayList<>();
        if (change.outcomeChanged()) {
            what.add(l.get("outcomeWord"));
        }
        if (change.decisionChanged()) {
            what.add(l.get("decisionText"));
        }
        if (change.opinionChanged()) {
            what.add(l.get("opinion"));
        }
        if (change.submitterChanged()) {
            what.add(l.get("submitter"));
        }
        if (change.renumbered()) {
            what.add(l.get("rowNumber"));
        }
        return String.join(l.get("listSeparator"), what);
    }

    /** A value that changed as it was (struck) and as it is, each said in words too; an unchanged one once. */
    private static String beforeAfter(String before, String after, boolean changed, Labels l) {
        if (!changed) {
            return cell(after);
        }
        return "<td class=\"opinion\"><del class=\"was\"><span class=\"said\">" + esc(l.get("before")) + "</span>" + esc(before)
                + "</del><br><ins class=\"now\"><span class=\"said\">" + esc(l.get("after")) + "</span>" + esc(after) + "</ins></td>";
    }

    /** A version number given in the address, or {@code otherwise} when none is; an unreadable one is no choice. */
    private static Integer parse(String given, Integer otherwise) {
        if (given == null || given.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.valueOf(given.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
