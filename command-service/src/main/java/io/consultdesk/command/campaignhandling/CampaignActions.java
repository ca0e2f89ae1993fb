package io.consultdesk.command.campaignhandling;

import io.consultdesk.command.campaign.CampaignCommands;
import io.consultdesk.command.campaign.CampaignCommands.ConfirmCampaign;
import io.consultdesk.command.campaign.CampaignCommands.DecideCampaign;
import io.consultdesk.command.campaign.CampaignIndex;
import io.consultdesk.command.campaign.CampaignTerms;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.OutcomeVocabulary;
import io.consultdesk.command.eventstore.StoredAggregates;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.command.submission.CampaignStep;
import io.consultdesk.command.submission.Commands.ApplyCampaignDecision;
import io.consultdesk.command.submission.Commands.RegroupSubmission;
import io.consultdesk.command.submission.CurrentConsultations;
import io.consultdesk.command.web.CommandSender;
import io.consultdesk.security.Roles;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The actions on a campaign cluster. Deciding records the cluster's decision first (one fact, with the members it
 * names), then has each member take it: a member refused (withdrawn, published, moved out meanwhile) is reported and
 * the rest go on. Should the service stop halfway, the decision stays recorded and the members not reached stay
 * as they were; sending the same decision again takes them (those that took it already answer "unchanged").
 * After each action the campaign index learns what joiners are to be told: a failure there is logged, and only
 * a comment joining later misses a proposal.
 */
@Component
public class CampaignActions {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignActions.class);

    private final CommandSender commands;
    private final CampaignIndex index;
    private final CurrentConsultations consultations;
    private final MemberCommands members;

    public CampaignActions(CommandSender commands, CampaignIndex index, Repository<Consultation> consultations,
                           @Qualifier("consultationCache") Cache consultationCache, StoredAggregates stored) {
        this.commands = commands;
        this.index = index;
        this.consultations = new CurrentConsultations(consultations, consultationCache, stored);
        this.members = new MemberCommands(commands);
    }

    @PreDestroy
    void stop() {
        members.close();
    }

    /** A supervisor confirms the cluster, and whether joiners take its decisions at once. */
    public CampaignTerms confirm(String consultationId, String clusterId, boolean applyDecisionsToJoiners, Instant at, Actor actor) {
        consultations.rules(consultationId); // an unknown consultation: 404
        CampaignTerms terms = commands.send(new ConfirmCampaign(CampaignCommands.campaignId(clusterId), clusterId, consultationId,
                applyDecisionsToJoiners, at, actor), actor);
        describe(consultationId, clusterId, terms);
        return terms;
    }

    /**
     * Decides the cluster once for {@code bureau}'s members among {@code memberIds}; the others get it as a proposal.
     * An official decides for its own bureau; a supervisor names the bureau it decides for.
     */
    public MemberReport decide(String consultationId, String clusterId, String bureau, String outcome, String reason,
                               List<String> memberIds, Instant at, Actor actor) throws InterruptedException {
        if (!actor.hasRole(Roles.SUPERVISOR) && !actor.hasRole(Roles.OFFICIAL)) {
            throw new NotAllowed("only a bureau official or a supervisor may decide a campaign");
        }
        String deciding = actor.hasRole(Roles.SUPERVISOR) ? bureau : actor.bureau();
        if (deciding == null || deciding.isBlank()) {
            throw new InvalidField("bureau", "a supervisor deciding a campaign names the lead bureau it decides for");
        }
        OutcomeVocabulary vocabulary = consultations.rules(consultationId).vocabulary();
        OutcomeClass outcomeClass = vocabulary.classOf(outcome)
                .orElseThrow(() -> new InvalidField("outcome", "'" + outcome + "' is not one of " + vocabulary));
        CampaignTerms terms = commands.send(new DecideCampaign(CampaignCommands.campaignId(clusterId), clusterId, consultationId,
                deciding, outcome, outcomeClass, reason, memberIds, at, actor), actor);
        CampaignTerms.Decision decision = terms.decisionOf(deciding).orElseThrow();
        describe(consultationId, clusterId, terms);
        Map<String, Object> results = members.send(memberIds, member -> new ApplyCampaignDecision(member, clusterId,
                decision.decisionId(), deciding, outcome, outcomeClass, decision.reason(), at, actor), actor);
        return report(clusterId, decision.decisionId(), results);
    }

    /** A supervisor splits {@code memberIds} off the cluster: each is then in none. */
    public MemberReport split(String consultationId, String clusterId, List<String> memberIds, String reason, Instant at, Actor actor)
            throws InterruptedException {
        requireSupervisor(actor);
        consultations.rules(consultationId);
        Map<String, Object> results = members.send(memberIds, member -> new RegroupSubmission(member, consultationId, clusterId,
                null, null, reason, at, actor), actor);
        return report(clusterId, null, results);
    }

    /**
     * A supervisor merges cluster {@code fromClusterId} into {@code clusterId}: {@code memberIds} (the other
     * cluster's members) move in. Once the other cluster's representative has moved, comments like it join this
     * cluster from then on.
     */
    public MemberReport merge(String consultationId, String clusterId, String fromClusterId, List<String> memberIds, String reason,
                              Instant at, Actor actor) throws InterruptedException {
        requireSupervisor(actor);
        if (fromClusterId.equals(clusterId)) {
            throw new InvalidField("fromClusterId", "a cluster is not merged into itself");
        }
        consultations.rules(consultationId);
        // a cluster's id is its representative's: the representative of the cluster merged into is that id
        Map<String, Object> results = members.send(memberIds, member -> new RegroupSubmission(member, consultationId, fromClusterId,
                clusterId, clusterId, reason, at, actor), actor);
        if (!(results.get(fromClusterId) instanceof MemberCommands.Refused) && results.containsKey(fromClusterId)) {
            try {
                index.redirect(consultationId, fromClusterId, clusterId, clusterId);
            } catch (RuntimeException e) {
                LOG.warn("clusters {} and {} merged, but the campaign index still sends {}'s near-copies to it: {}",
                        fromClusterId, clusterId, fromClusterId, e.toString());
            }
        }
        return report(clusterId, null, results);
    }

    private static void requireSupervisor(Actor actor) {
        if (!actor.hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("only a supervisor may split or merge campaign clusters");
        }
    }

    private void describe(String consultationId, String clusterId, CampaignTerms terms) {
        try {
            index.describe(consultationId, clusterId, terms);
        } catch (RuntimeException e) {
            LOG.warn("campaign {} recorded, but the campaign index does not yet tell joiners: {}", clusterId, e.toString());
        }
    }

    private static MemberReport report(String clusterId, String decisionId, Map<String, Object> results) {
        int decided = 0, revised = 0, unchanged = 0, proposed = 0, moved = 0;
        List<MemberReport.Skipped> skipped = new ArrayList<>();
        for (Map.Entry<String, Object> r : results.entrySet()) {
            if (r.getValue() instanceof MemberCommands.Refused refused) {
                skipped.add(new MemberReport.Skipped(r.getKey(), refused.reason()));
            } else if (r.getValue() instanceof CampaignStep step) {
                switch (step) {
                    case DECIDED -> decided++;
                    case REVISED -> revised++;
                    case UNCHANGED -> unchanged++;
                    case PROPOSED -> proposed++;
                }
            } else {
                moved++;
            }
        }
        return new MemberReport(clusterId, decisionId, decided, revised, unchanged, proposed, moved, skipped);
    }
}
