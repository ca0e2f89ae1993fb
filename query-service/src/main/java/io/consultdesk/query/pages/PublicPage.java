package io.consultdesk.query.pages;

import io.consultdesk.query.consultation.ConsultationDetail;
import io.consultdesk.query.consultation.ConsultationStates;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.desk.CommandService;
import io.consultdesk.query.desk.CommandService.Reply;
import io.consultdesk.security.Caller;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/**
 * A draft's page for the public: its clauses by chapter (number and title from the catalogue), each with a form
 * to comment on it — the comment then cites that clause explicitly — and links to the published tables. No
 * sign-in; command-service limits comments per address (the pages pass the visitor's on) and says why it
 * refused one, in the page's language. Nothing about the items or who handles them is shown here.
 */
@RestController
public class PublicPage {

    private final Consultations consultations;
    private final CommandService commands;

    public PublicPage(Consultations consultations, CommandService commands) {
        this.consultations = consultations;
        this.commands = commands;
    }

    @GetMapping("/public/consultations/{id}")
    public ResponseEntity<String> page(@PathVariable String id, @RequestParam(required = false) String lang,
                                       @RequestParam(required = false) String done) {
        Labels l = new Labels(lang);
        Forms.Notice notice = "commented".equals(done) ? Forms.Notice.done(l.get("done-commented")) : null;
        return render(id, l, notice, null, Map.of(), HttpStatus.OK);
    }

    @PostMapping(path = "/desk/public/consultations/{id}/comments", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> comment(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                          HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Map<String, String> entered = form.toSingleValueMap();
        Map<String, Object> submitter = new LinkedHashMap<>();
        submitter.put("name", entered.get("name"));
        submitter.put("kind", entered.get("kind"));
        submitter.put("contact", entered.get("contact"));
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("id", entered.get("commentId"));
        command.put("consultationId", id);
        command.put("submitter", submitter);
        command.put("opinion", entered.get("opinion"));
        command.put("clause", entered.get("clause"));
        Reply reply = commands.post("/api/submissions", command, request, l.lang());
        if (!reply.ok()) {
            HttpStatus status = HttpStatus.resolve(reply.status());
            return render(id, l, Forms.refusal(reply, l), entered.get("clause"), entered, status == null ? HttpStatus.BAD_GATEWAY : status);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/public/consultations/" + url(id) + "?done=commented" + Html.lang(l, false))).build();
    }

    private ResponseEntity<String> render(String id, Labels l, Forms.Notice notice, String clauseEntered, Map<String, String> entered,
                                          HttpStatus status) {
        String path = "/public/consultations/" + url(id);
        Optional<ConsultationDetail> found = consultations.find(id, Caller.PUBLIC);
        if (found.isEmpty()) {
            return Html.answerPublic(HttpStatus.NOT_FOUND, l, l.get("noConsultation"), path, "<p>" + esc(l.get("noConsultation")) + "</p>");
        }
        ConsultationDetail c = found.get();
        boolean open = ConsultationStates.OPEN.equals(c.overview().state());
        StringBuilder body = new StringBuilder(notice == null ? "" : notice.html())
                .append("<p>").append(esc(l.get("draftingUnit"))).append(l.get("colon")).append(esc(c.overview().draftingUnit()));
        if (c.overview().period().deadline() != null) {
            body.append(" · ").append(esc(l.get("deadline"))).append(l.get("colon")).append(esc(c.overview().period().deadline()));
        }
        body.append("</p><p id=\"public-state\">").append(esc(l.get(open ? "publicOpen" : "publicClosed"))).append("</p>");
        for (Integer version : c.overview().publishedVersions()) {
            body.append("<p><a class=\"published-table\" href=\"/api/consultations/").append(url(id)).append("/table?format=html&amp;version=")
                    .append(version).append("\">").append(esc(l.get("seeTable").formatted(version))).append("</a></p>");
        }
        if (c.overview().publishedVersions().size() > 1) {
            body.append("<p><a id=\"compare-versions\" href=\"").append(ComparisonPage.path(id, l)).append("\">")
                    .append(esc(l.get("compareVersions"))).append("</a></p>");
        }
        body.append("<h2>").append(esc(l.get("catalogue"))).append("</h2>");
        String commentId = entered.getOrDefault("commentId", "web-" + UUID.randomUUID());
        for (ConsultationDetail.Chapter chapter : c.chapters()) {
            body.append("<section class=\"chapter\"><h3>").append(esc(chapter.name().isEmpty() ? l.get("noChapter") : chapter.name()))
                    .append("</h3>");
            for (ConsultationDetail.CatalogueClause clause : chapter.clauses()) {
                String anchor = "clause-" + Math.abs(clause.number().hashCode());
                body.append("<article class=\"clause\" id=\"").append(anchor).append("\" data-clause=\"").append(esc(clause.number()))
                        .append("\"><h4>").append(esc(clause.number())).append(" ").append(esc(clause.title())).append("</h4>");
                if (!clause.text().isEmpty()) {
                    body.append("<p class=\"clause-text\">").append(esc(clause.text())).append("</p>");
                }
                if (open) {
                    boolean here = clause.number().equals(clauseEntered);
                    Map<String, String> kinds = new LinkedHashMap<>();
                    kinds.put("PERSON", l.get("PERSON"));
                    kinds.put("ORGANISATION", l.get("ORGANISATION"));
                    String fields = Forms.hidden("clause", clause.number()) + Forms.hidden("commentId", here ? commentId : "web-" + UUID.randomUUID())
                            + Forms.textarea("opinion", l.get("yourComment"), here ? entered.getOrDefault("opinion", "") : "", true)
                            + Forms.text("name", l.get("yourName"), here ? entered.getOrDefault("name", "") : "", true)
                            + Forms.select("kind", l.get("kind"), kinds, here ? entered.getOrDefault("kind", "PERSON") : "PERSON", null)
                            + Forms.text("contact", l.get("contactOptional"), here ? entered.getOrDefault("contact", "") : "", false);
                    // each clause's form has ids of its own: labels must point at their own fields
                    String form = Forms.form("comment-" + anchor, "/desk/public/consultations/" + url(id) + "/comments", l,
                            l.get("commentOn").formatted(clause.number()), fields, l.get("send")).replace("id=\"f-", "id=\"" + anchor + "-")
                            .replace("for=\"f-", "for=\"" + anchor + "-");
                    body.append("<details").append(here ? " open" : "").append("><summary>").append(esc(l.get("commentOn").formatted(clause.number())))
                            .append("</summary>").append(form).append("</details>");
                }
                body.append("</article>");
            }
            body.append("</section>");
        }
        return Html.answerPublic(status, l, c.overview().title(), path, body.toString());
    }
}
