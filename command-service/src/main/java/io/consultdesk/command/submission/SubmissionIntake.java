package io.consultdesk.command.submission;

import io.consultdesk.command.campaign.CampaignDetector;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationRules;
import io.consultdesk.command.consultation.OutcomeVocabulary;
import io.consultdesk.command.consultation.OutcomeWord;
import io.consultdesk.command.eventstore.StoredAggregates;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.security.Roles;
import io.consultdesk.command.personaldata.NameMasker;
import io.consultdesk.command.personaldata.PersonalDataVault;
import io.consultdesk.command.personaldata.SealedPersonalData;
import io.consultdesk.command.routing.Citations;
import io.consultdesk.command.routing.ClauseNumber;
import io.consultdesk.command.routing.Router;
import io.consultdesk.command.routing.Routing;
import io.consultdesk.command.submission.Commands.DecideSubmission;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command handlers that need the consultation as well as the submission: receiving (citations are
 * extracted, routing decided from the consultation's catalogue; a known id is a retry only with the same
 * comment) and deciding (the outcome must be in the consultation's vocabulary).
 */
@Component
public class SubmissionIntake {

    private final Repository<Submission> submissions;
    private final CurrentConsultations consultations;
    private final PersonalDataVault vault;
    private final StoredAggregates stored;
    private final NameMasker masker = NameMasker.defaults();
    private CampaignsOnReceipt campaigns = CampaignsOnReceipt.OFF;

    /** For repositories that cache nothing. */
    public SubmissionIntake(Repository<Submission> submissions, Repository<Consultation> consultations,
                            PersonalDataVault vault, StoredAggregates stored) {
        this(submissions, consultations, NoCache.INSTANCE, vault, stored);
    }

    @Autowired
    public SubmissionIntake(Repository<Submission> submissions, Repository<Consultation> consultations,
                            @Qualifier("consultationCache") Cache consultationCache,
                            PersonalDataVault vault, StoredAggregates stored) {
        this.stored = stored;
        this.submissions = submissions;
        this.consultations = new CurrentConsultations(consultations, consultationCache, stored);
        this.vault = vault;
    }

    /** Campaign detection on receipt, where it is configured (see {@link CampaignDetector}). */
    @Autowired(required = false)
    public void setCampaignDetector(CampaignDetector detector) {
        this.campaigns = new CampaignsOnReceipt(detector);
    }

    /** Returns true when a new item was created, false when this id was already received (nothing changes). */
    @CommandHandler
    public boolean handle(ReceiveSubmission command) {
        Actor actor = command.actor();
        if (command.channel() != Channel.WEB && !actor.hasRole(Roles.CLERK) && !actor.hasRole(Roles.ADMIN)) {
            throw new NotAllowed("only a clerk registers comments received by letter, e-mail or import");
        }
        if (exists(command.submissionId())) {
            ensureSameContent(command);
            return false;
        }
        ConsultationRules consultation = load(command.consultationId());
        if (command.channel() == Channel.WEB) {
            consultation.ensureAcceptingComments();
        }
        create(command, consultation);
        return true;
    }

    /**
     * Receives one imported row and, when it carries a 采纳情况, decides it in the same unit of work: an
     * imported item is never left half made. An outcome word the consultation's vocabulary lacks but
     * ConsultDesk recognises (是, 已采纳, 已反馈 …) is adopted into the vocabulary with its class, once. Returns
     * what happened; an id already known changes nothing.
     */
    @CommandHandler
    public ImportedAs handle(Commands.ImportSubmission command) {
        ReceiveSubmission receive = command.receive();
        Actor actor = receive.actor();
        if (!actor.hasRole(Roles.CLERK) && !actor.hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("only a clerk or a supervisor imports comments");
        }
        if (exists(receive.submissionId())) {
            return ImportedAs.ALREADY_PRESENT;
        }
        ConsultationRules consultation = load(receive.consultationId());
        OutcomeVocabulary vocabulary = consultation.vocabulary();
        Decision decision;
        try {
            decision = Decision.ofColumns(command.decisionText(), command.reasonText(), vocabulary);
        } catch (Decision.UnknownOutcome e) {
            throw new SubmissionRefused(e.getMessage().replace("{id}", receive.consultationId()), null);
        }
        if (decision != null && !actor.hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("rows that carry a decision (采纳情况) are imported by a supervisor");
        }
        OutcomeWord word = decision == null ? null : new OutcomeWord(decision.outcome(), decision.outcomeClass());
        boolean newWord = word != null && !vocabulary.contains(word.word());
        ImportedAs result = decision == null ? ImportedAs.RECEIVED : new ImportedAs(ImportedAs.As.DECIDED, word, newWord);
        if (command.dryRun()) {
            return result;
        }
        Aggregate<Submission> item = create(receive, consultation, command.published(), command.publishedRowNumber(), decision == null);
        if (decision == null) {
            return result;
        }
        if (newWord) {
            consultations.adopt(receive.consultationId(), word, command.file(), receive.receivedAt());
        }
        OutcomeVocabulary deciding = vocabulary.with(word);
        item.execute(s -> s.decide(new DecideSubmission(receive.submissionId(), decision.outcome(), decision.reason(),
                null, receive.receivedAt(), actor), deciding, decision.verbatimText()));
        return result;
    }

    private Aggregate<Submission> create(ReceiveSubmission command, ConsultationRules consultation) {
        return create(command, consultation, false, null, true);
    }

    /**
     * {@code published}: the name is public already (a row of a published table) and kept exactly as written,
     * with the row's 序号; otherwise it is masked under the consultation's policy. {@code takesCampaignDecision}:
     * whether it may take its campaign cluster's decision at once (not when it brings a decision of its own).
     */
    private Aggregate<Submission> create(ReceiveSubmission command, ConsultationRules consultation, boolean published,
                                         Integer publishedRowNumber, boolean takesCampaignDecision) {
        Citations citations = consultation.citationExtractor().extract(command.opinion());
        List<ClauseNumber> chosen = chosen(command.chosenClause(), consultation);
        // the clause chosen is the submitter's own word on what the comment is about: it leads the routing
        List<ClauseNumber> cited = new ArrayList<>(chosen);
        citations.clauses().stream().filter(c -> !chosen.contains(c)).forEach(cited::add);
        Routing routing = Router.route(cited, consultation.catalogue(), consultation.draftingUnit());
        List<String> chosenLabels = chosen.stream().map(ClauseNumber::toString).toList();
        Submitter submitter = command.submitter();
        String publicName = published ? submitter.name() : publicName(submitter, consultation.maskOrganisations());
        var sealed = vault.seal(Map.of("name", submitter.name(), "contact", submitter.contact() == null ? "" : submitter.contact()));
        int version = consultation.catalogueVersion();
        try {
            Aggregate<Submission> item = submissions.newInstance(() -> new Submission(command.submissionId(), command.consultationId(), command,
                    publicName, sealed, citations, chosenLabels, routing, version,
                    new HandlingDeadline(consultation.handlingWorkingDays(), consultation.zone()),
                    published ? publishedRowNumber : null, published ? Boolean.TRUE : null));
            campaigns.received(item, command, publicName, takesCampaignDecision);
            return item;
        } catch (Exception e) {
            throw new IllegalStateException("could not create item " + command.submissionId() + ": " + e.getMessage(), e);
        }
    }

    /** The clause a comment was made on, which must be one of the consultation's catalogue; none when not given. */
    private static List<ClauseNumber> chosen(String clause, ConsultationRules consultation) {
        if (clause == null || clause.isBlank()) {
            return List.of();
        }
        ClauseNumber number;
        try {
            number = ClauseNumber.parse(clause);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("clause", e.getMessage());
        }
        if (consultation.catalogue().find(number).isEmpty()) {
            throw new InvalidField("clause", "the draft has no clause " + number);
        }
        return List.of(number);
    }

    /** Persons always masked; organisations unless the consultation publishes them as given. */
    private String publicName(Submitter submitter, boolean maskOrganisations) {
        boolean organisation = submitter.kind() == SubmitterKind.ORGANISATION;
        if (organisation && !maskOrganisations) {
            return submitter.name() == null ? "" : submitter.name().strip();
        }
        return masker.mask(submitter.name(), organisation);
    }

    /**
     * The same id again is a retry only when it carries the same comment: consultation, opinion, submitter's
     * name, kind and contact. Anything else is refused naming what differs.
     */
    private void ensureSameContent(ReceiveSubmission command) {
        Aggregate<Submission> existing = submissions.load(command.submissionId());
        List<String> differs = new ArrayList<>();
        existing.execute(s -> {
            if (!s.consultationId().equals(command.consultationId())) {
                differs.add("consultationId");
            }
            if (!Objects.equals(s.opinion(), command.opinion())) {
                differs.add("opinion");
            }
            Submitter submitter = command.submitter();
            if (s.submitterKind() != null && s.submitterKind() != submitter.kind()) {
                differs.add("submitter.kind");
            }
            SealedPersonalData sealed = s.sealedSubmitter();
            Map<?, ?> personal = sealed == null ? null : vault.open(sealed, Map.class).orElse(null);
            if (personal != null) {
                if (!Objects.equals(personal.get("name"), submitter.name())) {
                    differs.add("submitter.name");
                }
                String contact = submitter.contact() == null ? "" : submitter.contact();
                if (!Objects.equals(personal.get("contact"), contact)) {
                    differs.add("submitter.contact");
                }
            } else if (!Objects.equals(s.publicName(), masker.mask(submitter.name(), submitter.kind() == SubmitterKind.ORGANISATION))
                    && !Objects.equals(s.publicName(), submitter.name())) {
                differs.add("submitter.name");
            }
        });
        if (!differs.isEmpty()) {
            throw new SubmissionIdTaken(command.submissionId(), differs);
        }
    }

    @CommandHandler
    public void handle(DecideSubmission command) {
        Aggregate<Submission> submission = submissions.load(command.submissionId(), command.expectedVersion());
        String consultationId = submission.invoke(Submission::consultationId);
        OutcomeVocabulary vocabulary = load(consultationId).vocabulary();
        submission.execute(s -> s.decide(command, vocabulary));
    }

    private boolean exists(String submissionId) {
        return stored.exists(submissionId);
    }

    private ConsultationRules load(String consultationId) {
        return consultations.rules(consultationId);
    }
}
