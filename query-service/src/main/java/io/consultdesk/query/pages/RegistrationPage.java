package io.consultdesk.query.pages;

import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.query.consultation.ConsultationDetail;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.desk.CommandService;
import io.consultdesk.query.desk.CommandService.Reply;
import io.consultdesk.query.presentation.LocalTimes;
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

import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/**
 * A clerk registers a comment that came by letter or e-mail: submitter, contact, channel, when it was received
 * (a local time of the consultation's zone) and its text, optionally the clause it is on. The form carries the
 * new item's id, so sending it twice (a reload, a double click) registers one item.
 */
@RestController
public class RegistrationPage {

    private final Consultations consultations;
    private final CommandService commands;
    private final CurrentCaller caller;
    private final ReadSide readSide;

    public RegistrationPage(Consultations consultations, CommandService commands, CurrentCaller caller, StatusBoard board) {
        this.consultations = consultations;
        this.commands = commands;
        this.caller = caller;
        this.readSide = new ReadSide(board);
    }

    @GetMapping("/consultations/{id}/registration")
    public ResponseEntity<String> form(@PathVariable String id, @RequestParam(required = false) String lang) {
        return render(id, new Labels(lang), null, Map.of(), HttpStatus.OK);
    }

    @PostMapping(path = "/desk/consultations/{id}/registrations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> register(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                           HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Map<String, String> entered = form.toSingleValueMap();
        Optional<ConsultationDetail> consultation = consultations.find(id, caller.get());
        LocalTimes times = LocalTimes.in(consultation.map(c -> LocalTimes.zone(c.overview().timeZone())).orElse(LocalTimes.DEFAULT_ZONE));
        Map<String, Object> command = new LinkedHashMap<>();
        String itemId = entered.get("itemId");
        command.put("id", itemId);
        command.put("consultationId", id);
        Map<String, Object> submitter = new LinkedHashMap<>();
        submitter.put("name", entered.get("name"));
        submitter.put("kind", entered.get("kind"));
        submitter.put("contact", entered.get("contact"));
        command.put("submitter", submitter);
        command.put("opinion", entered.get("opinion"));
        command.put("channel", entered.get("channel"));
        String received = entered.getOrDefault("receivedAt", "");
        if (!received.isBlank()) {
            try {
                command.put("receivedAt", LocalDateTime.parse(received.strip()).atZone(times.zone()).toInstant().toString());
            } catch (DateTimeParseException e) {
                command.put("receivedAt", received); // command-service names the field
            }
        }
        String clause = entered.get("clause");
        if (clause != null && !clause.isBlank()) {
            command.put("clause", clause);
        }
        Reply reply = commands.post("/api/submissions", command, request, l.lang());
        if (!reply.ok()) {
            HttpStatus status = HttpStatus.resolve(reply.status());
            return render(id, l, Forms.refusal(reply, l), entered, status == null ? HttpStatus.BAD_GATEWAY : status);
        }
        String created = reply.body().path("id").asText(itemId);
        // received and routed: versions 0 and 1
        readSide.awaitBeyond(created, 0L, caller.get());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/items/" + url(created) + "?done=registered" + Html.lang(l, false))).build();
    }

    private ResponseEntity<String> render(String id, Labels l, Forms.Notice notice, Map<String, String> entered, HttpStatus status) {
        Optional<ConsultationDetail> consultation = consultations.find(id, caller.get());
        if (consultation.isEmpty()) {
            return Html.answer(HttpStatus.NOT_FOUND, l, l.get("register"), "<p>" + esc(l.get("noConsultation")) + "</p>");
        }
        ConsultationDetail c = consultation.get();
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("PERSON", l.get("PERSON"));
        kinds.put("ORGANISATION", l.get("ORGANISATION"));
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put("LETTER", l.get("LETTER"));
        channels.put("EMAIL", l.get("EMAIL"));
        List<String> clauses = FilterChoices.of(consultations, id, caller.get()).clauses();
        String fields = Forms.hidden("itemId", entered.getOrDefault("itemId", id + "-" + UUID.randomUUID().toString().substring(0, 13)))
                + Forms.text("name", l.get("submitter"), entered.getOrDefault("name", ""), true)
                + Forms.select("kind", l.get("kind"), kinds, entered.getOrDefault("kind", "PERSON"), null)
                + Forms.text("contact", l.get("contact"), entered.getOrDefault("contact", ""), false)
                + Forms.select("channel", l.get("channel"), channels, entered.getOrDefault("channel", "LETTER"), null)
                + "<label for=\"f-receivedAt\">" + esc(l.get("receivedLocal").formatted(c.overview().timeZone())) + "</label>"
                + "<input id=\"f-receivedAt\" name=\"receivedAt\" type=\"datetime-local\" value=\""
                + esc(entered.getOrDefault("receivedAt", "")) + "\" required>"
                + Forms.select("clause", l.get("onClause"), FilterChoices.options(clauses, null), entered.getOrDefault("clause", ""),
                l.get("noClause"))
                + Forms.textarea("opinion", l.get("opinion"), entered.getOrDefault("opinion", ""), true);
        String body = (notice == null ? "" : notice.html()) + "<p class=\"muted\">" + esc(c.overview().title()) + "</p>"
                + Forms.form("registration", "/desk/consultations/" + url(id) + "/registrations", l, l.get("register"), fields, l.get("save"));
        return Html.answer(status, l, l.get("register"), body);
    }
}
