package io.consultdesk.query.pages;

import io.consultdesk.query.consultation.ConsultationDetail;
import io.consultdesk.query.consultation.ConsultationStates;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.desk.CommandService;
import io.consultdesk.query.desk.CommandService.Reply;
import io.consultdesk.query.presentation.LocalTimes;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
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
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/**
 * A supervisor's work on a consultation itself: opening it (id, title, drafting unit, deadline, time zone), loading
 * or amending its clause catalogue (the tab-separated catalogue, as a file or pasted), and closing it to comments.
 * Each form is forwarded to command-service; done, the consultation's page is shown once the read side has it.
 */
@RestController
public class ConsultationActions {

    static final Set<String> DONE = Set.of("opened", "catalogue", "closed");

    private final Consultations consultations;
    private final CommandService commands;
    private final CurrentCaller caller;

    public ConsultationActions(Consultations consultations, CommandService commands, CurrentCaller caller) {
        this.consultations = consultations;
        this.commands = commands;
        this.caller = caller;
    }

    @GetMapping("/consultations/new")
    public ResponseEntity<String> openForm(@RequestParam(required = false) String lang) {
        return openPage(new Labels(lang), null, Map.of(), HttpStatus.OK);
    }

    @PostMapping(path = "/desk/consultations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> open(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Map<String, String> entered = form.toSingleValueMap();
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("id", blankToNull(entered.get("id")));
        command.put("title", entered.get("title"));
        command.put("draftingUnit", entered.get("draftingUnit"));
        command.put("deadline", blankToNull(entered.get("deadline")));
        command.put("timeZone", blankToNull(entered.get("timeZone")));
        Reply reply = commands.post("/api/consultations", command, request, l.lang());
        if (!reply.ok()) {
            return openPage(l, Forms.refusal(reply, l), entered, status(reply));
        }
        String id = reply.body().path("id").asText();
        return done(id, "opened", l, c -> true);
    }

    @GetMapping("/consultations/{id}/catalogue")
    public ResponseEntity<String> catalogueForm(@PathVariable String id, @RequestParam(required = false) String lang) {
        return cataloguePage(id, new Labels(lang), null, "", HttpStatus.OK);
    }

    @PostMapping(path = "/desk/consultations/{id}/clauses", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<String> catalogue(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
                                            @RequestParam(required = false) String tsv, @RequestParam(required = false) String lang,
                                            HttpServletRequest request) throws IOException {
        Labels l = new Labels(lang);
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : tsv == null ? "" : tsv;
        int before = consultations.find(id, caller.get()).map(ConsultationDetail::catalogueVersion).orElse(0);
        Reply reply = commands.put("/api/consultations/" + url(id) + "/clauses", "text/tab-separated-values", text, request, l.lang());
        if (!reply.ok()) {
            return cataloguePage(id, l, Forms.refusal(reply, l), text, status(reply));
        }
        return done(id, "catalogue", l, c -> c.catalogueVersion() > before);
    }

    @PostMapping(path = "/desk/consultations/{id}/closure", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> close(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                        HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Reply reply = commands.post("/api/consultations/" + url(id) + "/closure", Map.of(), request, l.lang());
        if (!reply.ok()) {
            return Html.answer(status(reply), l, l.get("closeConsultation"), Forms.refusal(reply, l).html()
                    + "<p><a href=\"/consultations/" + url(id) + Html.lang(l, true) + "\">" + esc(l.get("back")) + "</a></p>");
        }
        return done(id, "closed", l, c -> ConsultationStates.CLOSED.equals(c.overview().state()));
    }

    /** The consultation's page once the read side shows the change (briefly waited for), with what was done. */
    private ResponseEntity<String> done(String id, String what, Labels l, Predicate<ConsultationDetail> applied) {
        Caller who = caller.get();
        ReadSide.await(() -> consultations.find(id, who).filter(applied).isPresent());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/consultations/" + url(id) + "?done=" + what + Html.lang(l, false))).build();
    }

    private ResponseEntity<String> openPage(Labels l, Forms.Notice notice, Map<String, String> entered, HttpStatus status) {
        String fields = Forms.text("id", l.get("consultationId"), entered.getOrDefault("id", ""), false)
                + "<p class=\"muted\">" + esc(l.get("consultationIdHelp")) + "</p>"
                + Forms.text("title", l.get("title"), entered.getOrDefault("title", ""), true)
                + Forms.text("draftingUnit", l.get("draftingUnit"), entered.getOrDefault("draftingUnit", ""), true)
                + "<label for=\"f-deadline\">" + esc(l.get("deadline")) + "</label><input id=\"f-deadline\" name=\"deadline\" type=\"date\" value=\""
                + esc(entered.getOrDefault("deadline", "")) + "\">"
                + Forms.text("timeZone", l.get("timeZone"), entered.getOrDefault("timeZone", LocalTimes.DEFAULT_ZONE.getId()), false);
        return Html.answer(status, l, l.get("openConsultation"), (notice == null ? "" : notice.html())
                + Forms.form("open", "/desk/consultations", l, l.get("openConsultation"), fields, l.get("save")));
    }

    private ResponseEntity<String> cataloguePage(String id, Labels l, Forms.Notice notice, String tsv, HttpStatus status) {
        Optional<ConsultationDetail> found = consultations.find(id, caller.get());
        if (found.isEmpty()) {
            return Html.answer(HttpStatus.NOT_FOUND, l, l.get("catalogue"), "<p>" + esc(l.get("noConsultation")) + "</p>");
        }
        String fields = "<p class=\"muted\">" + esc(l.get("catalogueHelp")) + "</p>"
                + "<label for=\"f-file\">" + esc(l.get("catalogueFile")) + "</label><input id=\"f-file\" name=\"file\" type=\"file\" accept=\".tsv,.txt\">"
                + Forms.textarea("tsv", l.get("cataloguePaste"), tsv, false);
        return Html.answer(status, l, l.get("catalogue"), (notice == null ? "" : notice.html())
                + "<p class=\"muted\">" + esc(found.get().overview().title()) + "</p>"
                + Forms.form("catalogue", "/desk/consultations/" + url(id) + "/clauses", l, l.get("loadCatalogue"), fields, l.get("save"))
                .replaceFirst("method=\"post\"", "method=\"post\" enctype=\"multipart/form-data\""));
    }

    private static HttpStatus status(Reply reply) {
        HttpStatus status = HttpStatus.resolve(reply.status());
        return status == null ? HttpStatus.BAD_GATEWAY : status;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
