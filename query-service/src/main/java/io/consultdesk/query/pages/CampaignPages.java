package io.consultdesk.query.pages;

import io.consultdesk.query.campaign.CampaignCluster;
import io.consultdesk.query.campaign.CampaignClusterDetail;
import io.consultdesk.query.campaign.CampaignClusters;
import io.consultdesk.query.campaign.ClusterMember;
import io.consultdesk.query.consultation.ConsultationDetail;
import io.consultdesk.query.consultation.Consultations;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.consultdesk.query.pages.Html.esc;
import static io.consultdesk.query.pages.Html.url;

/**
 * A consultation's campaign clusters, largest first (staff who see every item), and one cluster's page: its
 * representative, its confirmation and decisions, its members, and what the caller may do with it — a bureau decides
 * its members once, a supervisor confirms, splits members off and merges another cluster in
 * ({@link CampaignDeskActions}).
 */
@RestController
public class CampaignPages {

    /** Members listed on a cluster's page, at most: an action on the cluster reaches all of them however many. */
    static final int MEMBERS_SHOWN = 500;
    private static final int OPINION_SHOWN = 120;

    private final CampaignClusters clusters;
    private final Consultations consultations;
    private final CurrentCaller caller;

    public CampaignPages(CampaignClusters clusters, Consultations consultations, CurrentCaller caller) {
        this.clusters = clusters;
        this.consultations = consultations;
        this.caller = caller;
    }

    @GetMapping("/consultations/{id}/clusters")
    public ResponseEntity<String> list(@PathVariable String id, @RequestParam(required = false) String lang) {
        Labels l = new Labels(lang);
        Caller who = caller.get();
        if (!who.seesAllItems()) {
            return Html.answer(HttpStatus.FORBIDDEN, l, l.get("clusters"), "<p id=\"refused\">" + esc(l.get("clustersForStaff")) + "</p>");
        }
        List<CampaignCluster> found = clusters.of(id);
        StringBuilder body = new StringBuilder();
        if (found.isEmpty()) {
            body.append("<p id=\"no-clusters\">").append(esc(l.get("noClusters"))).append("</p>");
        } else {
            body.append("<table id=\"clusters\">").append(Html.headers(l, "size", "representative", "confirmed", "clusterDecisions"));
            for (CampaignCluster c : found) {
                body.append("<tr class=\"cluster\" data-id=\"").append(esc(c.id())).append("\"><td class=\"size\">").append(c.size())
                        .append("</td><td><a href=\"").append(esc(clusterPath(id, c.id(), l))).append("\">").append(esc(excerpt(c.representativeOpinion())))
                        .append("</a></td><td>").append(esc(l.get(c.confirmed() ? "confirmed" : "notConfirmed"))).append("</td><td>")
                        .append(esc(decisions(c, l))).append("</td></tr>");
            }
            body.append("</table>");
        }
        return Html.answer(HttpStatus.OK, l, l.get("clusters") + " · " + id, body.toString());
    }

    @GetMapping("/consultations/{id}/clusters/{clusterId}")
    public ResponseEntity<String> cluster(@PathVariable String id, @PathVariable String clusterId, @RequestParam(required = false) String lang,
                                          @RequestParam(required = false) String done) {
        Labels l = new Labels(lang);
        Forms.Notice notice = done == null || !CampaignDeskActions.DONE.contains(done) ? null : Forms.Notice.done(l.get("done-campaign-" + done));
        return render(id, clusterId, l, notice, Map.of(), HttpStatus.OK);
    }

    /** The cluster's page, with {@code notice} above its forms and what was {@code entered} kept in them. */
    ResponseEntity<String> render(String id, String clusterId, Labels l, Forms.Notice notice, Map<String, String> entered, HttpStatus status) {
        Caller who = caller.get();
        Optional<CampaignClusterDetail> found = clusters.detail(id, clusterId, who);
        if (found.isEmpty()) {
            return Html.answer(HttpStatus.NOT_FOUND, l, l.get("cluster"), "<p id=\"refused\">" + esc(clusterId) + "</p>");
        }
        CampaignCluster c = found.get().cluster();
        List<ClusterMember> members = found.get().members();
        StringBuilder body = new StringBuilder(notice == null ? "" : notice.html());
        StringBuilder dl = new StringBuilder("<dl id=\"cluster-summary\">");
        Html.entry(dl, "cluster-size", l.get("size"), String.valueOf(c.size()));
        Html.entry(dl, "cluster-confirmed", l.get("confirmed"), l.get(c.confirmed() ? "confirmed" : "notConfirmed")
                + (c.confirmed() ? "；" + l.get(c.applyDecisionsToJoiners() ? "joinersTakeDecision" : "joinersProposed") : ""));
        Html.entry(dl, "cluster-decisions", l.get("clusterDecisions"), decisions(c, l));
        body.append(dl.append("</dl>"));
        body.append("<h2>").append(esc(l.get("representative"))).append("</h2><p id=\"representative\"><a href=\"/items/")
                .append(url(c.representativeId())).append(Html.lang(l, true)).append("\">").append(esc(c.representativeId())).append("</a> ")
                .append(esc(c.representativeOpinion())).append("</p>");
        body.append(forms(id, c, members, consultations.find(id, who), who, entered, l));
        body.append("<h2>").append(esc(l.get("members"))).append("（").append(members.size()).append("）</h2>");
        if (members.size() > MEMBERS_SHOWN) {
            body.append("<p>").append(esc(l.get("membersShown").formatted(MEMBERS_SHOWN))).append("</p>");
        }
        body.append("<table id=\"members\">").append(Html.headers(l, "submitter", "state", "lead", "outcome", "decidedBy"));
        for (ClusterMember m : members.subList(0, Math.min(MEMBERS_SHOWN, members.size()))) {
            String from = m.campaignDecisionId() != null ? m.campaignDecisionId()
                    : m.proposedDecisionId() != null ? l.get("proposedAnswer") + " " + m.proposedDecisionId()
                    : m.outcome() != null ? l.get("ownDecision") : "";
            body.append("<tr class=\"member\" data-id=\"").append(esc(m.id())).append("\" data-state=\"").append(esc(m.state()))
                    .append("\"><td><a href=\"/items/").append(url(m.id())).append(Html.lang(l, true)).append("\">")
                    .append(esc(m.submitterPublicName())).append("</a></td><td>").append(esc(l.get(m.state()))).append("</td><td>")
                    .append(esc(m.leadBureau())).append("</td><td>").append(esc(m.outcome())).append("</td><td>").append(esc(from))
                    .append("</td></tr>");
        }
        body.append("</table>");
        return Html.answer(status, l, l.get("cluster") + " " + c.id(), body.toString());
    }

    private String forms(String id, CampaignCluster c, List<ClusterMember> members, Optional<ConsultationDetail> consultation, Caller who,
                         Map<String, String> entered, Labels l) {
        StringBuilder s = new StringBuilder();
        String base = "/desk/consultations/" + url(id) + "/campaigns/" + url(c.id());
        boolean supervisor = who.hasRole(Roles.SUPERVISOR);
        boolean deciding = supervisor || (who.hasRole(Roles.OFFICIAL) && members.stream().anyMatch(m -> open(m.state())));
        if (deciding) {
            Map<String, String> outcomes = new LinkedHashMap<>();
            consultation.map(ConsultationDetail::outcomes).orElse(List.of()).forEach(o -> outcomes.put(o, o));
            String fields = Forms.select("outcome", l.get("outcome"), outcomes, entered.get("outcome"), null)
                    + Forms.textarea("reason", l.get("reason"), entered.getOrDefault("reason", ""), false);
            if (supervisor) {
                Set<String> bureaus = new LinkedHashSet<>();
                members.forEach(m -> bureaus.add(m.leadBureau()));
                bureaus.remove(null);
                Map<String, String> options = new LinkedHashMap<>();
                bureaus.forEach(b -> options.put(b, b));
                fields = Forms.select("bureau", l.get("decideFor"), options, entered.get("bureau"), null) + fields;
            }
            s.append(Forms.form("decide-once", base + "/decision", l, l.get("decideOnce"), fields, l.get("save")));
        }
        if (supervisor) {
            s.append(Forms.form("confirm", base + "/confirmation", l, l.get("confirmCluster"),
                    Forms.checkboxes("applyDecisionsToJoiners", "", List.of(l.get("joinersTakeDecision")),
                            c.applyDecisionsToJoiners() ? List.of(l.get("joinersTakeDecision")) : List.of()), l.get("save")));
            List<String> others = members.stream().map(ClusterMember::id).filter(m -> !m.equals(c.representativeId()))
                    .limit(MEMBERS_SHOWN).toList();
            s.append(Forms.form("split", base + "/split", l, l.get("splitOff"),
                    Forms.checkboxes("memberIds", l.get("members"), others, List.of())
                            + Forms.textarea("splitReason", l.get("reason"), entered.getOrDefault("splitReason", ""), true), l.get("save")));
            Map<String, String> clusters = new LinkedHashMap<>();
            this.clusters.of(id).stream().filter(o -> !o.id().equals(c.id()))
                    .forEach(o -> clusters.put(o.id(), o.id() + "（" + o.size() + "）" + excerpt(o.representativeOpinion())));
            if (!clusters.isEmpty()) {
                s.append(Forms.form("merge", base + "/merge", l, l.get("mergeInto"),
                        Forms.select("fromClusterId", l.get("mergeFrom"), clusters, entered.get("fromClusterId"), null)
                                + Forms.textarea("mergeReason", l.get("reason"), entered.getOrDefault("mergeReason", ""), true), l.get("save")));
            }
        }
        return s.toString();
    }

    private static boolean open(String state) {
        return ItemStates.ASSIGNED.equals(state) || ItemStates.DECIDED.equals(state);
    }

    static String clusterPath(String consultation, String cluster, Labels l) {
        return "/consultations/" + url(consultation) + "/clusters/" + url(cluster) + Html.lang(l, true);
    }

    private static String decisions(CampaignCluster c, Labels l) {
        if (c.decisions().isEmpty()) {
            return l.get("noClusterDecision");
        }
        return String.join("；", c.decisions().stream().map(d -> d.bureau() + "：" + d.outcome()
                + (d.reason() == null || d.reason().isEmpty() ? "" : "，" + d.reason()) + "（" + d.decisionId() + "）").toList());
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= OPINION_SHOWN ? text : text.substring(0, OPINION_SHOWN) + "…";
    }
}
