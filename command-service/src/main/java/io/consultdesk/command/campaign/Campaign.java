package io.consultdesk.command.campaign;

import io.consultdesk.command.campaign.CampaignCommands.ConfirmCampaign;
import io.consultdesk.command.campaign.CampaignCommands.DecideCampaign;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.security.Roles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A campaign cluster as a whole: its confirmation and its decisions, one per lead bureau. Which comments are in
 * the cluster is each comment's own fact (it joined on receipt, a supervisor moved it): this aggregate never holds
 * the members, so deciding a campaign of any size is one event here and one per member there. It comes to exist
 * with the first confirmation or decision; a cluster nobody acted on has no aggregate.
 */
@Aggregate
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private String consultationId;
    private boolean applyDecisionsToJoiners;
    private final Map<String, CampaignTerms.Decision> decisionsByBureau = new LinkedHashMap<>();
    private int decisions;

    protected Campaign() {
        // for Axon: rebuilt from events, or created by its first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CampaignTerms handle(ConfirmCampaign command) {
        if (!command.actor().hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("only a supervisor may confirm a campaign");
        }
        requireSameConsultation(command.campaignId(), command.clusterId(), command.consultationId());
        apply(new CampaignConfirmed(command.clusterId(), command.consultationId(), command.applyDecisionsToJoiners(), command.at()));
        return terms();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CampaignTerms handle(DecideCampaign command) {
        Actor actor = command.actor();
        if (!actor.hasRole(Roles.SUPERVISOR)) {
            if (!actor.hasRole(Roles.OFFICIAL)) {
                throw new NotAllowed("only a bureau official or a supervisor may decide a campaign");
            }
            if (!actor.bureau().equals(command.bureau())) {
                throw new NotAllowed("an official of " + (actor.bureau().isEmpty() ? "no bureau" : actor.bureau())
                        + " may not decide a campaign for " + command.bureau());
            }
        }
        requireSameConsultation(command.campaignId(), command.clusterId(), command.consultationId());
        if (command.memberIds().isEmpty()) {
            throw new CampaignRefused("a campaign decision names the members it decides");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        CampaignTerms.Decision latest = decisionsByBureau.get(command.bureau());
        if (latest != null && latest.outcome().equals(command.outcome()) && latest.reason().equals(reason)) {
            // the same decision sent again (to reach members a first sending did not): it is the decision already made
            return terms();
        }
        apply(new CampaignDecided(command.clusterId(), command.consultationId(), command.clusterId() + "/" + (decisions + 1),
                command.bureau(), command.outcome(), command.outcomeClass(), reason, command.memberIds().size(), command.at()));
        return terms();
    }

    /** A cluster belongs to one consultation: a command naming another is refused, not recorded against it. */
    private void requireSameConsultation(String campaignId, String clusterId, String consultationId) {
        if (!CampaignCommands.campaignId(clusterId).equals(campaignId)) {
            throw new IllegalArgumentException("campaign id " + campaignId + " is not cluster " + clusterId + "'s");
        }
        if (this.consultationId != null && !this.consultationId.equals(consultationId)) {
            throw new CampaignRefused("campaign cluster " + clusterId + " belongs to consultation " + this.consultationId);
        }
    }

    /** What a comment joining the cluster is told: see {@link CampaignTerms}. */
    public CampaignTerms terms() {
        return new CampaignTerms(applyDecisionsToJoiners, new ArrayList<>(decisionsByBureau.values()));
    }

    @EventSourcingHandler
    void on(CampaignConfirmed event) {
        identify(event.clusterId(), event.consultationId());
        applyDecisionsToJoiners = event.applyDecisionsToJoiners();
    }

    @EventSourcingHandler
    void on(CampaignDecided event) {
        identify(event.clusterId(), event.consultationId());
        decisions++;
        decisionsByBureau.put(event.bureau(), new CampaignTerms.Decision(event.decisionId(), event.bureau(), event.outcome(),
                event.outcomeClass(), event.reason()));
    }

    private void identify(String clusterId, String consultationId) {
        this.campaignId = CampaignCommands.campaignId(clusterId);
        this.consultationId = consultationId;
    }
}
