package io.consultdesk.query.pages;

import io.consultdesk.query.audit.TimelineEntry;
import io.consultdesk.query.audit.Timelines;
import io.consultdesk.query.board.BoardRow;
import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.query.consultation.ConsultationDetail;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.desk.CommandService;
import io.consultdesk.query.desk.CommandService.Reply;
import io.consultdesk.query.presentation.LocalTimes;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
import io.consultdesk.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.consultdesk.query.pages.Html.url;

/**
 * What may be done on an item's page — decide or revise (the lead bureau, a supervisor), give a co-handling
 * opinion (a co-handling bureau), reassign (a supervisor) — as forms, and their posts forwarded to
 * command-service. Done, the page is shown again once the read side has the change; refused, it is shown with
 * why and with what was entered.
 */
@RestController
public class ItemActions {

    static final Set<String> DONE = Set.of("decision", "co-opinion", "assignment", "registered");
    private static final Set<String> OPEN = Set.of(ItemStates.ASSIGNED, ItemStates.DECIDED);

    private final CommandService commands;
    private final ItemPage page;
    private final StatusBoard board;
    private final Timelines timelines;
    private final CurrentCaller caller;
    private final ReadSide readSide;
    private final Consultations consultations;

    public ItemActions(CommandService commands, ItemPage page, StatusBoard board, Timelines timelines, CurrentCaller caller,
                       Consultations consultations) {
        this.commands = commands;
        this.page = page;
        this.board = board;
        this.timelines = timelines;
        this.caller = caller;
        this.readSide = new ReadSide(board);
        this.consultations = consultations;
    }

    /** The forms {@code who} may use on {@code item}, holding what was {@code entered} when a post was refused. */
    static String forms(BoardRow item, List<TimelineEntry> events, Optional<ConsultationDetail> consultation, Caller who,
                        Map<String, String> entered, Labels l) {
        StringBuilder s = new StringBuilder();
        String base = "/desk/items/" + url(item.id());
        String version = item.version() == null ? "" : String.valueOf(item.version());
        boolean open = OPEN.contains(item.state());
        boolean lead = who.hasRole(Roles.OFFICIAL) && who.bureau().equals(item.leadBureau());
        if (open && (lead || who.hasRole(Roles.SUPERVISOR))) {
            Map<String, String> outcomes = new LinkedHashMap<>();
            consultation.map(ConsultationDetail::outcomes).orElse(List.of()).forEach(o -> outcomes.put(o, o));
            List<String> offered = CoOpinions.bureaus(events);
            String considered = entered.get("consideredOpinions");
            String fields = Forms.hidden("expectedVersion", version)
                    + Forms.select("outcome", l.get("outcome"), outcomes, entered.getOrDefault("outcome", proposedOr(item, true)), null)
                    + Forms.textarea("reason", l.get("reason"), entered.getOrDefault("reason", proposedOr(item, false)), false)
                    + (offered.isEmpty() ? "" : Forms.checkboxes("consideredOpinions", l.get("considered"), offered,
                    considered == null ? offered : List.of(considered.split("\n"))));
            s.append(Forms.form("decide", base + "/decision", l, l.get(ItemStates.DECIDED.equals(item.state()) ? "revise" : "decide"), fields,
                    l.get("save")));
        }
        if (ItemStates.ASSIGNED.equals(item.state()) && who.hasRole(Roles.OFFICIAL) && item.coBureaus().contains(who.bureau())) {
            s.append(Forms.form("co-opinion", base + "/co-opinion", l, l.get("giveCoOpinion") + "（" + who.bureau() + "）",
                    Forms.hidden("expectedVersion", version) + Forms.textarea("opinion", l.get("coOpinion"), entered.getOrDefault("opinion", ""), true), l.get("save")));
        }
        if (open && who.hasRole(Roles.SUPERVISOR)) {
            Set<String> bureaus = new LinkedHashSet<>(consultation.map(FilterChoices::bureausOf).orElse(List.of()));
            bureaus.add(item.leadBureau());
            bureaus.addAll(item.coBureaus());
            bureaus.remove(null);
            Map<String, String> options = new LinkedHashMap<>();
            bureaus.forEach(b -> options.put(b, b));
            String co = entered.get("coBureaus");
            String fields = Forms.hidden("expectedVersion", version)
                    + Forms.select("leadBureau", l.get("lead"), options, entered.getOrDefault("leadBureau", item.leadBureau()), null)
                    + Forms.checkboxes("coBureaus", l.get("coBureaus"), List.copyOf(bureaus),
                    co == null ? item.coBureaus() : List.of(co.split("\n")))
                    + Forms.textarea("assignmentReason", l.get("reassignReason"), entered.getOrDefault("assignmentReason", ""), true);
            s.append(Forms.form("reassign", base + "/assignment", l, l.get("reassign"), fields, l.get("save")));
        }
        return s.toString();
    }

    /** The item's outcome or reason; for an item not yet decided, those of the campaign decision proposed to it, if any. */
    private static String proposedOr(BoardRow item, boolean outcome) {
        BoardRow.Proposal p = item.proposedDecision();
        if (item.outcome() == null && p != null) {
            return outcome ? p.outcome() : p.reason();
        }
        return outcome ? item.outcome() : item.reason();
    }

    @PostMapping(path = "/desk/items/{id}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> decide(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                         HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("outcome", form.getFirst("outcome"));
        command.put("reason", form.getFirst("reason"));
        command.put("expectedVersion", version(form));
        command.put("consideredOpinions", form.getOrDefault("consideredOpinions", List.of()));
        Reply reply = commands.post("/api/submissions/" + url(id) + "/decision", command, request, l.lang());
        return answer(id, "decision", reply, form, l);
    }

    @PostMapping(path = "/desk/items/{id}/co-opinion", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> coOpinion(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                            HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Reply reply = commands.post("/api/submissions/" + url(id) + "/co-handling-opinion",
                Map.of("opinion", String.valueOf(form.getFirst("opinion"))), request, l.lang());
        return answer(id, "co-opinion", reply, form, l);
    }

    @PostMapping(path = "/desk/items/{id}/assignment", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> reassign(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                           HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("leadBureau", form.getFirst("leadBureau"));
        command.put("coBureaus", form.getOrDefault("coBureaus", List.of()));
        command.put("reason", form.getFirst("assignmentReason"));
        command.put("expectedVersion", version(form));
        Reply reply = commands.post("/api/submissions/" + url(id) + "/assignment", command, request, l.lang());
        return answer(id, "assignment", reply, form, l);
    }

    /** The version the page showed, as given (a number, or text command-service refuses naming the field). */
    private static Object version(MultiValueMap<String, String> form) {
        String v = form.getFirst("expectedVersion");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private ResponseEntity<String> answer(String id, String done, Reply reply, MultiValueMap<String, String> form, Labels l) {
        if (reply.ok()) {
            Object expected = version(form);
            readSide.awaitBeyond(id, expected instanceof Long v ? v : null, caller.get());
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/items/" + url(id) + "?done=" + done + Html.lang(l, false))).build();
        }
        Map<String, String> entered = new LinkedHashMap<>();
        form.forEach((name, values) -> entered.put(name, String.join("\n", values)));
        if (!form.containsKey("consideredOpinions") && "decision".equals(done)) {
            entered.put("consideredOpinions", "");
        }
        if (!form.containsKey("coBureaus") && "assignment".equals(done)) {
            entered.put("coBureaus", "");
        }
        Forms.Notice notice = reply.status() == 409 && reply.body().has("currentVersion")
                ? changedMeanwhile(id, version(form), l) : Forms.refusal(reply, l);
        HttpStatus status = HttpStatus.resolve(reply.status());
        return page.render(id, l, notice, entered, status == null ? HttpStatus.BAD_GATEWAY : status);
    }

    /** A stale version: who changed the item since the page was loaded, and that it must be reloaded. */
    private Forms.Notice changedMeanwhile(String id, Object seen, Labels l) {
        long after = seen instanceof Long v ? v : -1;
        List<TimelineEntry> events = timelines.of(id);
        Optional<BoardRow> item = board.item(id, caller.get());
        TimelineEntry latest = null;
        for (TimelineEntry e : events) {
            if (e.sequence() > after) {
                latest = e;
            }
        }
        if (latest == null || item.isEmpty()) {
            return new Forms.Notice(true, l.get("changedMeanwhile"));
        }
        LocalTimes times = LocalTimes.in(consultations.zones(Set.of(item.get().consultationId())).get(item.get().consultationId()));
        boolean decision = latest.type().startsWith("SubmissionDecid");
        String who = latest.actor() + (latest.actorBureau() == null || latest.actorBureau().isBlank() ? "" : "（" + latest.actorBureau() + "）");
        return new Forms.Notice(true, decision
                ? l.get("decidedMeanwhile").formatted(who, times.format(latest.occurredAt()), item.get().outcome())
                : l.get("changedMeanwhileBy").formatted(who, times.format(latest.occurredAt())));
    }
}
