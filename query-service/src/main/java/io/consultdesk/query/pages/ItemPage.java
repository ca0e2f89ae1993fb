package io.consultdesk.query.pages;

import io.consultdesk.query.audit.TimelineEntry;
import io.consultdesk.query.audit.Timelines;
import io.consultdesk.query.board.BoardRow;
import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.query.campaign.CampaignClusters;
import io.consultdesk.query.consultation.ConsultationDetail;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.presentation.LocalTimes;
import io.consultdesk.query.presentation.Text;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.consultdesk.query.pages.Html.esc;

/**
 * An item's page: a summary of where it stands (the opinion with its cited clauses marked, the routing basis,
 * co-handlers' opinions), the forms the caller may use on it, then its timeline, times in its consultation's zone.
 */
@RestController
public class ItemPage {

    private final StatusBoard board;
    private final Timelines timelines;
    private final Consultations consultations;
    private final CurrentCaller caller;
    private final CampaignClusters clusters;

    public ItemPage(StatusBoard board, Timelines timelines, Consultations consultations, CurrentCaller caller, CampaignClusters clusters) {
        this.board = board;
        this.timelines = timelines;
        this.consultations = consultations;
        this.caller = caller;
        this.clusters = clusters;
    }

    @GetMapping("/items/{id}")
    public ResponseEntity<String> item(@PathVariable String id, @RequestParam(required = false) String lang,
                                       @RequestParam(required = false) String done) {
        Labels l = new Labels(lang);
        Forms.Notice notice = done == null || !ItemActions.DONE.contains(done) ? null : Forms.Notice.done(l.get("done-" + done));
        return render(id, l, notice, Map.of(), HttpStatus.OK);
    }

    /** The page as it stands, with {@code notice} above it and the forms holding what was {@code entered}. */
    ResponseEntity<String> render(String id, Labels l, Forms.Notice notice, Map<String, String> entered, HttpStatus status) {
        Caller who = caller.get();
        Optional<BoardRow> found = board.item(id, who);
        List<TimelineEntry> events = found.isPresent() ? timelines.of(id) : List.of();
        if (found.isEmpty() || events.isEmpty()) {
            return Html.answer(HttpStatus.NOT_FOUND, l, l.get("item"), (notice == null ? "" : notice.html())
                    + "<p>" + esc(l.get("none")) + "</p>");
        }
        BoardRow item = found.get();
        LocalTimes times = LocalTimes.in(consultations.zones(Set.of(item.consultationId())).get(item.consultationId()));
        Optional<ConsultationDetail> consultation = consultations.find(item.consultationId(), who);
        StringBuilder body = new StringBuilder(notice == null ? "" : notice.html()).append("<p class=\"muted\">").append(esc(id))
                .append(" · ").append(esc(l.get("timesIn"))).append(" ").append(esc(times.zone().getId())).append("</p>")
                .append("<h2>").append(esc(l.get("summary"))).append("</h2>").append(summary(item, events, times, l))
                .append(campaign(item, clusters.clusterOf(item.consultationId(), item.id(), item.campaignClusterId()), l))
                .append(CoOpinions.html(events, times, l))
                .append(ItemActions.forms(item, events, consultation, who, entered, l))
                .append("<h2>").append(esc(l.get("timeline"))).append("</h2><table id=\"timeline\">")
                .append(Html.headers(l, "#", "when", "who", "bureau", "what"));
        for (TimelineEntry e : events) {
            body.append("<tr class=\"event\" data-type=\"").append(esc(e.type())).append("\"><td>").append(e.sequence())
                    .append("</td><td class=\"time\">").append(esc(times.format(e.occurredAt()))).append("</td><td>").append(esc(e.actor()))
                    .append("</td><td>").append(esc(e.actorBureau())).append("</td><td>").append(esc(e.summary()))
                    .append("</td></tr>");
        }
        body.append("</table>");
        return Html.answer(status, l, l.get("item"), body.toString());
    }

    /** Opinion, masked submitter, state, bureaus, clauses, routing basis, due date, outcome, reason, time to decision. */
    private static String summary(BoardRow item, List<TimelineEntry> events, LocalTimes times, Labels l) {
        StringBuilder dl = new StringBuilder("<dl class=\"summary\" id=\"summary\">");
        dl.append("<dt>").append(esc(l.get("opinion"))).append("</dt><dd id=\"summary-opinion\">")
                .append(Html.marked(item.opinion(), item.citedClauses())).append("</dd>");
        Html.entry(dl, "summary-submitter", l.get("submitter"), item.submitterPublicName());
        Html.entry(dl, "summary-state", l.get("state"), l.get(item.state()));
        Html.entry(dl, "summary-lead", l.get("lead"), item.leadBureau());
        Html.entry(dl, "summary-co-bureaus", l.get("coBureaus"), Text.list(item.coBureaus()));
        Html.entry(dl, "summary-clauses", l.get("clause"), Text.list(item.citedClauses()));
        Html.entry(dl, "summary-routing", l.get("routing"), routing(events));
        Html.entry(dl, "summary-received", l.get("received"), times.format(item.receivedAt()));
        if (item.dueAt() != null) {
            Html.entry(dl, "summary-due", l.get("due"), times.format(item.dueAt()));
        }
        Html.entry(dl, "summary-outcome", l.get("outcome"), item.outcome());
        Html.entry(dl, "summary-reason", l.get("reason"), item.reason());
        if (item.decidedAt() != null) {
            Html.entry(dl, "summary-decided", l.get("decided"), times.format(item.decidedAt()));
            Html.entry(dl, "summary-hours-to-decision", l.get("hoursToDecision"), hoursToDecision(item, l));
        }
        return dl.append("</dl>").toString();
    }

    /** The campaign cluster the item is in (a link to its page), and the campaign decision proposed to it, if any. */
    private static String campaign(BoardRow item, Optional<String> cluster, Labels l) {
        if (cluster.isEmpty() && item.proposedDecision() == null) {
            return "";
        }
        StringBuilder dl = new StringBuilder("<dl class=\"summary\" id=\"campaign\">");
        cluster.ifPresent(c -> dl.append("<dt>").append(esc(l.get("inCluster"))).append("</dt><dd id=\"campaign-cluster\"><a href=\"")
                .append(esc(CampaignPages.clusterPath(item.consultationId(), c, l))).append("\">").append(esc(c)).append("</a>")
                .append(item.campaignDecisionId() == null ? "" : "；" + esc(l.get("decidedBy")) + " " + esc(item.campaignDecisionId()))
                .append("</dd>"));
        BoardRow.Proposal p = item.proposedDecision();
        if (p != null) {
            Html.entry(dl, "campaign-proposal", l.get("proposedAnswer"), p.bureau() + "：" + p.outcome()
                    + (p.reason() == null || p.reason().isEmpty() ? "" : "，" + p.reason()) + "（" + p.decisionId() + "）");
        }
        return dl.append("</dl>").toString();
    }

    /** How the item reached its bureaus: the latest assignment's or reassignment's own words. */
    private static String routing(List<TimelineEntry> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            TimelineEntry e = events.get(i);
            if (e.type().equals("SubmissionAssigned") || e.type().equals("SubmissionReassigned")) {
                return e.summary();
            }
        }
        return "";
    }

    /** Whole hours from assignment to the decision's own time; an imported decision took none here. */
    static String hoursToDecision(BoardRow item, Labels l) {
        if (Boolean.TRUE.equals(item.decisionImported())) {
            return l.get("imported");
        }
        if (item.assignedAt() == null) {
            return l.get("noneYet");
        }
        return Duration.between(item.assignedAt(), item.decidedAt()).toHours() + " " + l.get("hours");
    }
}
