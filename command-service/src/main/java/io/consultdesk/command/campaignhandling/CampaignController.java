package io.consultdesk.command.campaignhandling;

import io.consultdesk.command.campaign.CampaignTerms;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.web.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * The actions on a consultation's campaign cluster ({@code GET /api/consultations/{id}/clusters} on query-service
 * lists the clusters and their members): confirm it (a supervisor), split members off or merge another cluster in (a
 * supervisor), decide it once (an official for its bureau's members, or a supervisor naming the bureau). The members
 * an action concerns are named in the request, as the desk read them; each is checked on the item itself.
 */
@RestController
@RequestMapping("/api/consultations/{consultationId}/campaigns/{clusterId}")
public class CampaignController {

    /** The most members one request names: a campaign of a million comments is decided in several. */
    static final int MOST_MEMBERS = 100_000;

    private final CampaignActions actions;
    private final CurrentActor currentActor;
    private final Clock clock;

    public CampaignController(CampaignActions actions, CurrentActor currentActor, Clock clock) {
        this.actions = actions;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    public record ConfirmationRequest(boolean applyDecisionsToJoiners) {
    }

    public record DecisionRequest(@NotBlank @Size(max = FieldLimits.OUTCOME_WORD) String outcome,
                                  @Size(max = FieldLimits.DECISION_REASON) String reason,
                                  @Size(max = FieldLimits.BUREAU) String bureau,
                                  @NotEmpty @Size(max = MOST_MEMBERS) List<@Pattern(regexp = FieldLimits.ID_PATTERN, message = FieldLimits.ID_RULE) String> memberIds) {
    }

    public record SplitRequest(@NotEmpty @Size(max = MOST_MEMBERS) List<@Pattern(regexp = FieldLimits.ID_PATTERN, message = FieldLimits.ID_RULE) String> memberIds,
                               @NotBlank @Size(max = FieldLimits.REASON) String reason) {
    }

    public record MergeRequest(@NotBlank @Pattern(regexp = FieldLimits.ID_PATTERN, message = FieldLimits.ID_RULE) String fromClusterId,
                               @NotEmpty @Size(max = MOST_MEMBERS) List<@Pattern(regexp = FieldLimits.ID_PATTERN, message = FieldLimits.ID_RULE) String> memberIds,
                               @NotBlank @Size(max = FieldLimits.REASON) String reason) {
    }

    @PostMapping("/confirmation")
    public CampaignTerms confirm(@PathVariable String consultationId, @PathVariable String clusterId,
                                 @RequestBody(required = false) ConfirmationRequest request) {
        boolean apply = request != null && request.applyDecisionsToJoiners();
        return actions.confirm(consultationId, clusterId, apply, clock.instant(), currentActor.get());
    }

    @PostMapping("/decision")
    public MemberReport decide(@PathVariable String consultationId, @PathVariable String clusterId,
                               @Valid @RequestBody DecisionRequest request) throws InterruptedException {
        Actor actor = currentActor.get();
        return actions.decide(consultationId, clusterId, request.bureau() == null ? null : request.bureau().strip(),
                request.outcome().strip(), request.reason(), distinct(request.memberIds()), clock.instant(), actor);
    }

    @PostMapping("/split")
    public MemberReport split(@PathVariable String consultationId, @PathVariable String clusterId,
                              @Valid @RequestBody SplitRequest request) throws InterruptedException {
        return actions.split(consultationId, clusterId, distinct(request.memberIds()), request.reason(), clock.instant(), currentActor.get());
    }

    @PostMapping("/merge")
    public MemberReport merge(@PathVariable String consultationId, @PathVariable String clusterId,
                              @Valid @RequestBody MergeRequest request) throws InterruptedException {
        return actions.merge(consultationId, clusterId, request.fromClusterId(), distinct(request.memberIds()), request.reason(),
                clock.instant(), currentActor.get());
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().distinct().toList();
    }
}
