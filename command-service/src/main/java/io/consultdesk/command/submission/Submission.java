package io.consultdesk.command.submission;

import io.consultdesk.command.campaign.CampaignMatch;
import io.consultdesk.command.campaign.CampaignTerms;
import io.consultdesk.command.campaign.SubmissionDecisionProposed;
import io.consultdesk.command.campaign.SubmissionJoinedCampaign;
import io.consultdesk.command.campaign.SubmissionRegrouped;
import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.OutcomeVocabulary;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.command.kernel.SubmissionState;
import io.consultdesk.security.Roles;
import io.consultdesk.command.personaldata.SealedPersonalData;
import io.consultdesk.command.routing.Citations;
import io.consultdesk.command.routing.Routing;
import io.consultdesk.command.submission.Commands.MarkDuplicate;
import io.consultdesk.command.submission.Commands.PublishSubmission;
import io.consultdesk.command.submission.Commands.ReassignSubmission;
import io.consultdesk.command.submission.Commands.RejectSubmission;
import io.consultdesk.command.submission.Commands.WithdrawSubmission;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One comment on a draft, from receipt to publication. Every rule about what may happen next, and who may
 * do it, is checked here; a command that does not fit is refused with the reason and the current state.
 */
@Aggregate(cache = "submissionCache")
public class Submission {

    @AggregateIdentifier
    private String submissionId;
    private String consultationId;
    private SubmissionState state;
    private String leadBureau;
    private List<String> coBureaus = List.of();
    /** The co-handling bureaus that gave an opinion on the item. */
    private Set<String> coOpinions = new LinkedHashSet<>();
    private int revisions;
    /** How long its lead bureau has to decide, counted in its consultation's zone, from each assignment. */
    private HandlingDeadline handling;
    private String publicName;
    private SealedPersonalData sealedSubmitter;
    private boolean submitterErased;
    private String opinion;
    private SubmitterKind submitterKind;
    private String outcome;
    private OutcomeClass outcomeClass;
    private String reason;
    /** The 采纳情况 exactly as an imported table wrote it, when outcome and reason joined would not give it; else null. */
    private String decisionText;
    /** The 序号 it had in a published table it was imported from; null for any other item. */
    private Integer publishedRowNumber;
    /** The latest version of its consultation's table it was published in (0: none), and its 序号 there. */
    private int lastPublishedVersion;
    private int lastPublishedRow;

    /** The campaign cluster it joined on receipt or was moved into; null when it joined none. */
    private String campaignClusterId;
    /** Whether a supervisor moved it out of its cluster into none (a split): then it is in no cluster, not its own. */
    private boolean inNoCampaign;
    /** The campaign decision its current decision came from; null when decided on its own, or not decided. */
    private String campaignDecisionId;
    /** The campaign decision last proposed to it; null when none was. */
    private String proposedDecisionId;

    /** The metadata key of an imported decision's verbatim 采纳情况. */
    public static final String VERBATIM_DECISION_TEXT = "decisionText";

    protected Submission() {
        // for Axon: rebuilt from events
    }

    /** Receipt and routing in one unit of work: a received item is never left without its bureaus. */
    Submission(String submissionId, String consultationId, Commands.ReceiveSubmission command, String publicName,
               SealedPersonalData sealed, Citations citations, List<String> chosenClauses, Routing routing,
               int catalogueVersion, HandlingDeadline handling, Integer publishedRowNumber, Boolean publicNameAsWritten) {
        apply(new SubmissionReceived(submissionId, consultationId, command.submitter().kind(), publicName, sealed,
                command.opinion(), command.channel(), command.receivedAt(), command.letter(),
                citations.clauseLabels(), citations.chapters(), publishedRowNumber, publicNameAsWritten, chosenClauses));
        apply(new SubmissionAssigned(submissionId, routing.leadBureau(), routing.coBureaus(), routing.basis(),
                routing.triage(), catalogueVersion, command.receivedAt(), handling.workingDays(),
                handling.after(command.receivedAt()), handling.zone().getId()));
    }

    @CommandHandler
    public void handle(ReassignSubmission command) {
        require(command.actor().hasRole(Roles.SUPERVISOR), "only a supervisor may reassign an item");
        requireState(EnumSet.of(SubmissionState.ASSIGNED, SubmissionState.DECIDED), "reassigned");
        requireText(command.reason(), "a reassignment needs a reason");
        requireText(command.leadBureau(), "a reassignment needs a lead bureau");
        List<String> co = command.coBureaus() == null ? List.of()
                : command.coBureaus().stream().filter(b -> !b.equals(command.leadBureau())).distinct().toList();
        apply(new SubmissionReassigned(submissionId, command.leadBureau(), co, command.reason(), command.at(),
                handling.after(command.at()), awaited(co, coOpinions)));
    }

    @CommandHandler
    public void handle(Commands.GiveCoHandlingOpinion command) {
        Actor actor = command.actor();
        require(actor.hasRole(Roles.OFFICIAL), "only an official of a co-handling bureau gives a co-handling opinion");
        if (!coBureaus.contains(actor.bureau())) {
            throw new NotAllowed("item " + submissionId + " is co-handled by " + (coBureaus.isEmpty() ? "no bureau" : String.join(", ", coBureaus))
                    + "; an official of " + (actor.bureau().isEmpty() ? "no bureau" : actor.bureau()) + " may not give its opinion");
        }
        requireState(EnumSet.of(SubmissionState.ASSIGNED), "given a co-handling opinion");
        requireText(command.opinion(), "a co-handling opinion needs its text");
        Set<String> given = new LinkedHashSet<>(coOpinions);
        given.add(actor.bureau());
        apply(new CoHandlingOpinionGiven(submissionId, actor.bureau(), command.opinion().strip(), command.at(),
                awaited(coBureaus, given)));
    }

    /** The co-handling bureaus of {@code co} that have not given their opinion. */
    private static List<String> awaited(List<String> co, Set<String> given) {
        return co.stream().filter(b -> !given.contains(b)).toList();
    }

    /** Decides, or revises an unpublished decision. {@code vocabulary} is the consultation's outcome words. */
    void decide(Commands.DecideSubmission command, OutcomeVocabulary vocabulary) {
        decide(command, vocabulary, null);
    }

    /**
     * Decides with the 采纳情况 as an imported table wrote it, when joining outcome and reason the ordinary way
     * would not give it back ("已反馈给建设单位…" is not "已反馈，给建设单位…"). That text travels in the event's
     * metadata ({@value #VERBATIM_DECISION_TEXT}) and is what publication shows.
     */
    void decide(Commands.DecideSubmission command, OutcomeVocabulary vocabulary, String verbatimText) {
        Actor actor = command.actor();
        boolean supervisor = actor.hasRole(Roles.SUPERVISOR);
        if (!supervisor) {
            require(actor.hasRole(Roles.OFFICIAL), "only a bureau official or a supervisor may decide");
            if (!actor.bureau().equals(leadBureau)) {
                throw new NotAllowed("item " + submissionId + " is led by " + leadBureau
                        + "; an official of " + (actor.bureau().isEmpty() ? "no bureau" : actor.bureau()) + " may not decide it");
            }
        }
        requireState(EnumSet.of(SubmissionState.ASSIGNED, SubmissionState.DECIDED), "decided");
        OutcomeClass outcomeClass = vocabulary.classOf(command.outcome()).orElse(null);
        if (outcomeClass == null) {
            throw new SubmissionRefused("outcome '" + command.outcome() + "' is not one of " + vocabulary, state);
        }
        for (String bureau : command.consideredOpinions()) {
            if (!coOpinions.contains(bureau)) {
                throw new InvalidField("consideredOpinions", "'" + bureau + "' gave no co-handling opinion on this item"
                        + (coOpinions.isEmpty() ? "" : " (opinions from: " + String.join(", ", coOpinions) + ")"));
            }
        }
        // the lead bureau decides; a supervisor deciding does so on its behalf (the actor is in the metadata)
        String bureau = leadBureau;
        // kept as given (leading punctuation included): the published 采纳情况 is outcome + reason, verbatim
        String reason = command.reason() == null ? "" : command.reason().strip();
        MetaData verbatim = verbatimText == null ? MetaData.emptyInstance() : MetaData.with(VERBATIM_DECISION_TEXT, verbatimText);
        if (state == SubmissionState.ASSIGNED) {
            apply(new SubmissionDecided(submissionId, command.outcome(), reason, bureau, command.at(), outcomeClass,
                    command.consideredOpinions()), verbatim);
        } else {
            apply(new SubmissionDecisionRevised(submissionId, revisions + 1, command.outcome(), reason, bureau, command.at(),
                    outcomeClass, command.consideredOpinions()), verbatim);
        }
    }

    /**
     * Publishes the item as a row of a version of its consultation's table. Once per version: a publication
     * resumed after a stop sends the command again for rows it may have published already, and those answer
     * the row as it was published, recording nothing (a published item's decision no longer changes).
     */
    @CommandHandler
    public PublishedRow handle(PublishSubmission command) {
        require(command.actor().hasRole(Roles.SUPERVISOR), "only a supervisor may publish");
        if (!command.consultationId().equals(consultationId)) {
            throw new SubmissionRefused("item " + submissionId + " belongs to consultation " + consultationId, state);
        }
        if (lastPublishedVersion == command.tableVersion()) {
            return new PublishedRow(submissionId, lastPublishedRow, outcome, outcomeClass, false);
        }
        requireState(EnumSet.of(SubmissionState.DECIDED, SubmissionState.PUBLISHED), "published");
        apply(new SubmissionPublished(submissionId, consultationId, command.tableVersion(), command.rowNumber(),
                publicName, opinion, outcome, decisionText != null ? decisionText : DecisionText.of(outcome, reason), command.at()));
        return new PublishedRow(submissionId, command.rowNumber(), outcome, outcomeClass, true);
    }

    @CommandHandler
    public void handle(WithdrawSubmission command) {
        require(command.actor().hasRole(Roles.CLERK) || command.actor().hasRole(Roles.SUPERVISOR),
                "a withdrawal is recorded by a clerk or a supervisor");
        requireState(EnumSet.of(SubmissionState.RECEIVED, SubmissionState.ASSIGNED, SubmissionState.DECIDED), "withdrawn");
        apply(new SubmissionWithdrawn(submissionId, textOrEmpty(command.reason()), command.at()));
    }

    @CommandHandler
    public void handle(RejectSubmission command) {
        require(command.actor().hasRole(Roles.SUPERVISOR) || command.actor().hasRole(Roles.CLERK),
                "only a clerk or a supervisor may reject an item as invalid");
        requireState(EnumSet.of(SubmissionState.RECEIVED, SubmissionState.ASSIGNED), "rejected");
        requireText(command.reason(), "a rejection needs a reason");
        apply(new SubmissionRejected(submissionId, command.reason().strip(), command.at()));
    }

    @CommandHandler
    public void handle(MarkDuplicate command) {
        require(command.actor().hasRole(Roles.SUPERVISOR) || command.actor().hasRole(Roles.CLERK),
                "only a clerk or a supervisor may mark a duplicate");
        requireState(EnumSet.of(SubmissionState.RECEIVED, SubmissionState.ASSIGNED, SubmissionState.DECIDED), "marked duplicate");
        requireText(command.duplicateOf(), "name the submission this one duplicates");
        if (command.duplicateOf().equals(submissionId)) {
            throw new SubmissionRefused("a submission cannot duplicate itself", state);
        }
        apply(new SubmissionMarkedDuplicate(submissionId, command.duplicateOf(), textOrEmpty(command.reason()), command.at()));
    }

    @EventSourcingHandler
    void on(SubmissionReceived event) {
        submissionId = event.submissionId();
        consultationId = event.consultationId();
        publicName = event.submitterPublicName();
        sealedSubmitter = event.sealedSubmitter();
        opinion = event.opinion();
        submitterKind = event.submitterKind();
        publishedRowNumber = event.publishedRowNumber();
        state = SubmissionState.RECEIVED;
    }

    @EventSourcingHandler
    void on(SubmissionAssigned event) {
        handling = HandlingDeadline.of(event.handlingWorkingDays(), event.timeZone());
        leadBureau = event.leadBureau();
        coBureaus = event.coBureaus() == null ? List.of() : List.copyOf(event.coBureaus());
        state = SubmissionState.ASSIGNED;
    }

    @EventSourcingHandler
    void on(SubmissionReassigned event) {
        leadBureau = event.leadBureau();
        coBureaus = event.coBureaus() == null ? List.of() : List.copyOf(event.coBureaus());
        state = SubmissionState.ASSIGNED;
    }

    @EventSourcingHandler
    void on(CoHandlingOpinionGiven event) {
        coOpinions.add(event.bureau());
    }

    @EventSourcingHandler
    void on(SubmissionDecided event, MetaData metaData) {
        state = SubmissionState.DECIDED;
        campaignDecisionId = event.campaignDecisionId();
        outcome = event.outcome();
        outcomeClass = event.outcomeClass();
        reason = event.reason();
        decisionText = verbatim(metaData);
    }

    @EventSourcingHandler
    void on(SubmissionDecisionRevised event, MetaData metaData) {
        revisions = event.revision();
        campaignDecisionId = event.campaignDecisionId();
        outcome = event.outcome();
        outcomeClass = event.outcomeClass();
        reason = event.reason();
        decisionText = verbatim(metaData);
    }

    private static String verbatim(MetaData metaData) {
        Object text = metaData == null ? null : metaData.get(VERBATIM_DECISION_TEXT);
        return text instanceof String s ? s : null;
    }

    @EventSourcingHandler
    void on(SubmissionPublished event) {
        state = SubmissionState.PUBLISHED;
        lastPublishedVersion = event.tableVersion();
        lastPublishedRow = event.rowNumber();
    }

    @EventSourcingHandler
    void on(SubmissionWithdrawn event) {
        state = SubmissionState.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(SubmissionRejected event) {
        state = SubmissionState.REJECTED;
    }

    /**
     * Records that the submitter's personal data was erased (its key deleted); everything else stays. Erasing
     * again records nothing more: the erasure is a fact once, and a repeated request only retries the deletion.
     */
    public void recordErasure(Commands.EraseSubmitter command) {
        if (!command.actor().hasRole(Roles.AUDITOR) && !command.actor().hasRole(Roles.ADMIN)) {
            throw new NotAllowed("only an auditor or an administrator may erase a submitter's personal data");
        }
        if (submitterErased) {
            return;
        }
        apply(new SubmitterErased(submissionId, sealedSubmitter == null ? "" : sealedSubmitter.keyId(),
                command.reason() == null ? "" : command.reason().strip(), command.at()));
    }

    @EventSourcingHandler
    void on(SubmitterErased event) {
        submitterErased = true;
    }

    public SealedPersonalData sealedSubmitter() {
        return submitterErased ? null : sealedSubmitter;
    }

    /** The id of the key the submitter was sealed with, erased or not; null for an item without one. */
    public String submitterKeyId() {
        return sealedSubmitter == null ? null : sealedSubmitter.keyId();
    }

    public boolean isSubmitterErased() {
        return submitterErased;
    }

    /**
     * Joins a campaign cluster on receipt, in the unit of work that receives it. A cluster its lead bureau has decided
     * gives it that decision — at once where the supervisor allowed joiners to take it ({@code takesDecision} false
     * for an imported row that brings its own), else as a proposal; a cluster only other bureaus decided proposes
     * the first of their decisions.
     */
    void joinCampaign(CampaignMatch match, Instant at, boolean takesDecision) {
        apply(new SubmissionJoinedCampaign(submissionId, consultationId, match.clusterId(), match.representativeId(),
                match.similarity(), at));
        CampaignTerms terms = match.terms();
        Optional<CampaignTerms.Decision> own = terms.decisionOf(leadBureau);
        Optional<CampaignTerms.Decision> any = own.or(() -> terms.decisions().stream().findFirst());
        if (any.isEmpty() || state != SubmissionState.ASSIGNED) {
            return;
        }
        CampaignTerms.Decision d = any.get();
        if (own.isPresent() && terms.applyDecisionsToJoiners() && takesDecision) {
            apply(new SubmissionDecided(submissionId, d.outcome(), d.reason(), leadBureau, at, d.outcomeClass(), List.of(),
                    d.decisionId()));
        } else {
            apply(new SubmissionDecisionProposed(submissionId, match.clusterId(), d.decisionId(), d.bureau(), d.outcome(),
                    d.outcomeClass(), d.reason(), at));
        }
    }

    /**
     * Takes a campaign decision of the cluster it is in: as its own decision when led by the deciding bureau, else as a
     * proposal. Who may decide for the bureau was checked when the cluster's decision was recorded; the same actor
     * sends this, and is checked again here since an item's rules are the item's.
     */
    @CommandHandler
    public CampaignStep handle(Commands.ApplyCampaignDecision command) {
        Actor actor = command.actor();
        require(actor.hasRole(Roles.SUPERVISOR) || (actor.hasRole(Roles.OFFICIAL) && actor.bureau().equals(command.bureau())),
                "only an official of the deciding bureau or a supervisor may apply a campaign decision");
        requireInCampaign(command.clusterId());
        requireState(EnumSet.of(SubmissionState.ASSIGNED, SubmissionState.DECIDED), "decided");
        if (!command.bureau().equals(leadBureau)) {
            if (!command.decisionId().equals(proposedDecisionId)) {
                apply(new SubmissionDecisionProposed(submissionId, command.clusterId(), command.decisionId(), command.bureau(),
                        command.outcome(), command.outcomeClass(), textOrEmpty(command.reason()), command.at()));
            }
            return CampaignStep.PROPOSED;
        }
        if (command.decisionId().equals(campaignDecisionId)) {
            return CampaignStep.UNCHANGED;
        }
        String reason = textOrEmpty(command.reason());
        if (state == SubmissionState.ASSIGNED) {
            apply(new SubmissionDecided(submissionId, command.outcome(), reason, leadBureau, command.at(), command.outcomeClass(),
                    List.of(), command.decisionId()));
            return CampaignStep.DECIDED;
        }
        apply(new SubmissionDecisionRevised(submissionId, revisions + 1, command.outcome(), reason, leadBureau, command.at(),
                command.outcomeClass(), List.of(), command.decisionId()));
        return CampaignStep.REVISED;
    }

    /** Moves it out of its campaign cluster: into another (a merge) or into none (a split). */
    @CommandHandler
    public void handle(Commands.RegroupSubmission command) {
        require(command.actor().hasRole(Roles.SUPERVISOR), "only a supervisor may split or merge campaign clusters");
        if (!command.consultationId().equals(consultationId)) {
            throw new SubmissionRefused("item " + submissionId + " belongs to consultation " + consultationId, state);
        }
        requireInCampaign(command.fromClusterId());
        if (command.fromClusterId().equals(command.toClusterId())) {
            throw new SubmissionRefused("item " + submissionId + " is in campaign cluster " + command.toClusterId() + " already", state);
        }
        if (command.toClusterId() == null && submissionId.equals(command.fromClusterId())) {
            throw new SubmissionRefused("item " + submissionId + " is the representative of campaign cluster " + submissionId
                    + " and stays in it: split the other members off, or merge the cluster into another", state);
        }
        requireText(command.reason(), "a split or a merge needs a reason");
        apply(new SubmissionRegrouped(submissionId, consultationId, command.fromClusterId(), command.toClusterId(),
                command.toClusterId() == null ? null : command.toRepresentativeId(), command.reason().strip(), command.at()));
    }

    /** The cluster it is in: the one it joined or was moved into; none after a split; else its own (it may represent one). */
    public String campaignClusterId() {
        if (inNoCampaign) {
            return null;
        }
        return campaignClusterId != null ? campaignClusterId : submissionId;
    }

    private void requireInCampaign(String clusterId) {
        String current = campaignClusterId();
        if (!clusterId.equals(current)) {
            throw new SubmissionRefused("item " + submissionId + " is not in campaign cluster " + clusterId + " ("
                    + (current == null ? "it is in none" : "it is in " + current) + ")", state);
        }
    }

    @EventSourcingHandler
    void on(SubmissionJoinedCampaign event) {
        campaignClusterId = event.clusterId();
        inNoCampaign = false;
    }

    @EventSourcingHandler
    void on(SubmissionRegrouped event) {
        campaignClusterId = event.toClusterId();
        inNoCampaign = event.toClusterId() == null;
    }

    @EventSourcingHandler
    void on(SubmissionDecisionProposed event) {
        proposedDecisionId = event.decisionId();
    }

    @EventSourcingHandler
    void on(SubmissionMarkedDuplicate event) {
        state = SubmissionState.DUPLICATE;
    }

    public SubmissionState state() {
        return state;
    }

    public String id() {
        return submissionId;
    }

    public String outcome() {
        return outcome;
    }

    /** The class of its outcome word as its decision recorded it; null for a decision recorded before classes existed. */
    public OutcomeClass outcomeClass() {
        return outcomeClass;
    }

    /** Its 序号 in version {@code tableVersion} of its consultation's table; 0 when not published in it (yet). */
    public int rowNumberIn(int tableVersion) {
        return lastPublishedVersion == tableVersion ? lastPublishedRow : 0;
    }

    /** The 序号 it had in a published table it was imported from; null for any other item. */
    public Integer publishedRowNumber() {
        return publishedRowNumber;
    }

    String consultationId() {
        return consultationId;
    }

    String opinion() {
        return opinion;
    }

    String publicName() {
        return publicName;
    }

    SubmitterKind submitterKind() {
        return submitterKind;
    }

    private void requireState(Set<SubmissionState> allowed, String what) {
        if (!allowed.contains(state)) {
            throw new SubmissionRefused("item " + submissionId + " is " + state + " and cannot be " + what
                    + " (allowed from " + allowed + ")", state);
        }
    }

    private static void require(boolean allowed, String reason) {
        if (!allowed) {
            throw new NotAllowed(reason);
        }
    }

    private void requireText(String text, String reason) {
        if (text == null || text.isBlank()) {
            throw new SubmissionRefused(reason, state);
        }
    }

    private static String textOrEmpty(String text) {
        return text == null ? "" : text.strip();
    }

}
