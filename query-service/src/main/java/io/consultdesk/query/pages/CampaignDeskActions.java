package io.consultdesk.query.pages;

import io.consultdesk.query.campaign.CampaignClusterDetail;
import io.consultdesk.query.campaign.CampaignClusters;
import io.consultdesk.query.campaign.ClusterMember;
import io.consultdesk.query.desk.CommandService;
import io.consultdesk.query.desk.CommandService.Reply;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.consultdesk.query.pages.Html.url;

/**
 * The posts of a cluster's page forwarded to command-service. The members an action reaches are read here, at the
 * moment of posting, from the cluster as the read side has it (for an official, the members its bureau leads) — the
 * page never carries a list of a thousand ids. Done, the page is shown again once the read side shows the change
 * (or after a few seconds, whichever is first); refused, it is shown with why and with what was entered.
 */
@RestController
public class CampaignDeskActions {

    static final List<String> DONE = List.of("decision", "confirmation", "split", "merge");
    private static final long AWAIT_MILLIS = 10_000;

    private final CommandService commands;
    private final CampaignClusters clusters;
    private final CampaignPages pages;
    private final CurrentCaller caller;

    public CampaignDeskActions(CommandService commands, CampaignClusters clusters, CampaignPages pages, CurrentCaller caller) {
        this.commands = commands;
        this.clusters = clusters;
        this.pages = pages;
        this.caller = caller;
    }

    @PostMapping(path = "/desk/consultations/{id}/campaigns/{clusterId}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> decide(@PathVariable String id, @PathVariable String clusterId,
                                         @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("outcome", form.getFirst("outcome"));
        command.put("reason", form.getFirst("reason"));
        command.put("bureau", form.getFirst("bureau"));
        command.put("memberIds", memberIds(id, clusterId));
        Reply reply = commands.post(path(id, clusterId, "decision"), command, request, l.lang());
        String decisionId = reply.ok() ? reply.body().path("decisionId").asText() : null;
        return answer(id, clusterId, "decision", reply, form, l,
                d -> d.members().stream().filter(m -> ItemStates.DECIDED.equals(m.state()) || ItemStates.ASSIGNED.equals(m.state()))
                        .allMatch(m -> decisionId.equals(m.campaignDecisionId()) || decisionId.equals(m.proposedDecisionId())));
    }

    @PostMapping(path = "/desk/consultations/{id}/campaigns/{clusterId}/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> confirm(@PathVariable String id, @PathVariable String clusterId,
                                          @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        boolean apply = form.containsKey("applyDecisionsToJoiners");
        Reply reply = commands.post(path(id, clusterId, "confirmation"), Map.of("applyDecisionsToJoiners", apply), request, l.lang());
        return answer(id, clusterId, "confirmation", reply, form, l,
                d -> d.cluster().confirmed() && d.cluster().applyDecisionsToJoiners() == apply);
    }

    @PostMapping(path = "/desk/consultations/{id}/campaigns/{clusterId}/split", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> split(@PathVariable String id, @PathVariable String clusterId,
                                        @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        List<String> chosen = form.getOrDefault("memberIds", List.of());
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("memberIds", chosen);
        command.put("reason", form.getFirst("splitReason"));
        Reply reply = commands.post(path(id, clusterId, "split"), command, request, l.lang());
        return answer(id, clusterId, "split", reply, form, l,
                d -> d.cluster().memberIds().stream().noneMatch(chosen::contains));
    }

    @PostMapping(path = "/desk/consultations/{id}/campaigns/{clusterId}/merge", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> merge(@PathVariable String id, @PathVariable String clusterId,
                                        @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Labels l = new Labels(form.getFirst("lang"));
        String from = form.getFirst("fromClusterId");
        List<String> moving = from == null ? List.of() : memberIds(id, from);
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("fromClusterId", from);
        command.put("memberIds", moving);
        command.put("reason", form.getFirst("mergeReason"));
        Reply reply = commands.post(path(id, clusterId, "merge"), command, request, l.lang());
        return answer(id, clusterId, "merge", reply, form, l, d -> d.cluster().memberIds().containsAll(moving));
    }

    /** The cluster's members as the caller sees them now (an official: its bureau's). */
    private List<String> memberIds(String consultation, String clusterId) {
        return clusters.detail(consultation, clusterId, caller.get()).map(d -> d.members().stream().map(ClusterMember::id).toList())
                .orElse(List.of());
    }

    private static String path(String consultation, String clusterId, String action) {
        return "/api/consultations/" + url(consultation) + "/campaigns/" + url(clusterId) + "/" + action;
    }

    private ResponseEntity<String> answer(String id, String clusterId, String done, Reply reply, MultiValueMap<String, String> form, Labels l,
                                          Predicate<CampaignClusterDetail> shown) {
        if (reply.ok()) {
            awaitReadSide(id, clusterId, shown);
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/consultations/" + url(id) + "/clusters/" + url(clusterId) + "?done=" + done + Html.lang(l, false)))
                    .build();
        }
        Map<String, String> entered = new LinkedHashMap<>();
        form.forEach((name, values) -> entered.put(name, String.join("\n", values)));
        HttpStatus status = HttpStatus.resolve(reply.status());
        return pages.render(id, clusterId, l, Forms.refusal(reply, l), entered, status == null ? HttpStatus.BAD_GATEWAY : status);
    }

    /** Waits (a bounded while) until the cluster as the read side has it shows what was done. */
    private void awaitReadSide(String id, String clusterId, Predicate<CampaignClusterDetail> shown) {
        Caller who = caller.get();
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<CampaignClusterDetail> now = clusters.detail(id, clusterId, who);
            if (now.isPresent() && shown.test(now.get())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
