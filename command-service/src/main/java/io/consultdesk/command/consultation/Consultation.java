package io.consultdesk.command.consultation;

import io.consultdesk.command.consultation.ConsultationCommands.AmendClauseCatalogue;
import io.consultdesk.command.consultation.ConsultationCommands.CloseConsultation;
import io.consultdesk.command.consultation.ConsultationCommands.CompleteTablePublication;
import io.consultdesk.command.consultation.ConsultationCommands.OpenConsultation;
import io.consultdesk.command.consultation.ConsultationCommands.RecordTablePublicationProgress;
import io.consultdesk.command.consultation.ConsultationCommands.SetOutcomeVocabulary;
import io.consultdesk.command.consultation.ConsultationCommands.StartTablePublication;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.security.Roles;
import io.consultdesk.command.routing.ClauseCatalogue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A draft under consultation: what it says (its catalogue), who triages, which outcomes it uses, and whether it is open. */
@Aggregate(cache = "consultationCache")
public class Consultation {

    public static final List<String> DEFAULT_OUTCOMES = List.of("采纳", "部分采纳", "不采纳");
    /** A bureau's time to decide when the consultation names none. */
    public static final int DEFAULT_HANDLING_WORKING_DAYS = 15;

    @AggregateIdentifier
    private String consultationId;
    private String title;
    private String draftingUnit;
    private ClauseCatalogue catalogue;
    private int catalogueVersion;
    private OutcomeVocabulary outcomes;
    private int handlingWorkingDays;
    /** Where its people read times and count working days (ConsultationOpened gives the default when none was set). */
    private String timeZone;
    private boolean closed;
    private boolean maskOrganisations = true;
    private int tableVersion;
    /** The version being published (started, not completed), 0 when none; its heading and rows so far. */
    private int publishing;
    private String publishingHeading;
    private int publishingExpected;
    private int publishingDone;
    private TablePublished lastPublished;

    protected Consultation() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Consultation(OpenConsultation command) {
        requireSupervisor(command.actor());
        if (command.title() == null || command.title().isBlank()) {
            throw new ConsultationRefused("a consultation needs a title");
        }
        if (command.draftingUnit() == null || command.draftingUnit().isBlank()) {
            throw new ConsultationRefused("a consultation needs a drafting unit (the triage desk)");
        }
        List<String> outcomes = command.outcomes() == null || command.outcomes().isEmpty()
                ? DEFAULT_OUTCOMES : command.outcomes().stream().map(String::strip).distinct().toList();
        new ClauseCatalogue(command.clauses()); // refuses duplicates before anything is recorded
        apply(new ConsultationOpened(command.consultationId(), command.title().strip(), command.draftingUnit().strip(),
                command.deadline(), command.clauses() == null ? List.of() : command.clauses(), outcomes,
                command.handlingWorkingDays() > 0 ? command.handlingWorkingDays() : DEFAULT_HANDLING_WORKING_DAYS,
                command.at(), command.timeZone(),
                command.maskOrganisations() ? null : Boolean.FALSE));
        if (!outcomes.equals(DEFAULT_OUTCOMES)) {
            // words of its own: their classes recorded as a fact, not left to a later release's reading of them
            apply(new OutcomeVocabularyAmended(command.consultationId(), OutcomeVocabulary.classing(outcomes).entries(), null,
                    command.at()));
        }
    }

    @CommandHandler
    public void handle(AmendClauseCatalogue command) {
        requireSupervisor(command.actor());
        new ClauseCatalogue(command.clauses());
        apply(new ClauseCatalogueAmended(consultationId, catalogueVersion + 1, command.clauses(), command.at()));
    }

    /** A supervisor or an administrator sets the words and their classes; the words already decided with stay on their items. */
    @CommandHandler
    public void handle(SetOutcomeVocabulary command) {
        if (!command.actor().hasRole(Roles.ADMIN) && !command.actor().hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("only an administrator or a supervisor may set a consultation's outcome vocabulary");
        }
        OutcomeVocabulary vocabulary = OutcomeVocabulary.of(command.outcomes());
        if (!vocabulary.equals(outcomes)) {
            apply(new OutcomeVocabularyAmended(consultationId, vocabulary.entries(), null, command.at()));
        }
    }

    /**
     * Adopts a word an import met in its table ({@code file}), with its class; nothing when the vocabulary
     * has it already (two imports meeting it at once record it once: this runs under the consultation's lock).
     */
    public void adopt(OutcomeWord word, String file, Instant at) {
        if (!outcomes.contains(word.word())) {
            apply(new OutcomeVocabularyAmended(consultationId, outcomes.with(word).entries(), file == null ? "" : file, at));
        }
    }

    @EventSourcingHandler
    void on(OutcomeVocabularyAmended event) {
        outcomes = OutcomeVocabulary.of(event.outcomes());
    }

    @CommandHandler
    public void handle(CloseConsultation command) {
        if (!command.actor().hasRole(Roles.ADMIN) && !command.actor().hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("only an administrator or a supervisor may close a consultation");
        }
        if (closed) {
            throw new ConsultationRefused("consultation " + consultationId + " is already closed");
        }
        apply(new ConsultationClosed(consultationId, command.at()));
    }

    @EventSourcingHandler
    void on(ConsultationOpened event) {
        consultationId = event.consultationId();
        title = event.title();
        draftingUnit = event.draftingUnit();
        catalogue = new ClauseCatalogue(event.clauses());
        catalogueVersion = 1;
        outcomes = OutcomeVocabulary.classing(event.outcomes());
        handlingWorkingDays = event.handlingWorkingDays();
        timeZone = event.timeZone();
        maskOrganisations = !Boolean.FALSE.equals(event.maskOrganisations());
    }

    @EventSourcingHandler
    void on(ClauseCatalogueAmended event) {
        catalogue = new ClauseCatalogue(event.clauses());
        catalogueVersion = event.version();
    }

    @EventSourcingHandler
    void on(ConsultationClosed event) {
        closed = true;
    }

    /**
     * Begins publishing the next version of the table. One publication at a time: its rows are numbered
     * against the items as they were checked, and a second one would number the same items again.
     */
    @CommandHandler
    public void handle(StartTablePublication command) {
        requirePublisher(command.actor());
        if (publishing != 0) {
            throw new ConsultationRefused("version " + publishing + " of the table of consultation " + consultationId
                    + " is being published (" + publishingDone + " of " + publishingExpected
                    + " rows so far); publish again once it is complete");
        }
        if (command.version() != tableVersion + 1) {
            throw new ConsultationRefused("table version " + command.version() + " does not follow " + tableVersion);
        }
        apply(new TablePublicationStarted(consultationId, command.version(), command.heading(), command.expectedRows(),
                command.actor().name(), command.at()));
    }

    @CommandHandler
    public void handle(RecordTablePublicationProgress command) {
        requirePublisher(command.actor());
        requirePublishing(command.version());
        if (command.rowsPublished() > publishingDone) {
            apply(new TablePublicationProgressed(consultationId, command.version(), command.rowsPublished(), command.at()));
        }
    }

    /**
     * Completes the version being published: from now on the public sees it. Completing a version that is
     * complete already answers it again (a publication resumed after a stop may not know it finished).
     */
    @CommandHandler
    public TablePublished handle(CompleteTablePublication command) {
        requirePublisher(command.actor());
        if (publishing == 0 && lastPublished != null && lastPublished.version() == command.version()) {
            return lastPublished;
        }
        requirePublishing(command.version());
        TablePublished published = TablePublished.leaving(consultationId, command.version(), publishingHeading, command.rowCount(),
                command.totals(), command.leftOut(), command.at(), command.outcomeClasses());
        apply(published);
        return published;
    }

    private void requirePublishing(int version) {
        if (publishing != version) {
            throw new ConsultationRefused("version " + version + " of the table of consultation " + consultationId
                    + " is not being published" + (publishing == 0 ? "" : " (version " + publishing + " is)"));
        }
    }

    private static void requirePublisher(Actor actor) {
        if (!actor.hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("only a supervisor may publish a consultation's table");
        }
    }

    @EventSourcingHandler
    void on(TablePublicationStarted event) {
        publishing = event.version();
        publishingHeading = event.heading();
        publishingExpected = event.expectedRows();
        publishingDone = 0;
    }

    @EventSourcingHandler
    void on(TablePublicationProgressed event) {
        publishingDone = event.rowsPublished();
    }

    @EventSourcingHandler
    void on(TablePublished event) {
        tableVersion = event.version();
        publishing = 0;
        lastPublished = event;
    }

    /** The version being published, 0 when none. */
    public int publishingVersion() {
        return publishing;
    }

    public int tableVersion() {
        return tableVersion;
    }

    /**
     * A consultation is run by the drafting unit's supervisors: they open it, load and amend its catalogue, import
     * decided tables and publish. Administrators may open one too (setting up a system before its supervisors).
     */
    private static void requireSupervisor(Actor actor) {
        if (!actor.hasRole(Roles.SUPERVISOR) && !actor.hasRole(Roles.ADMIN)) {
            throw new NotAllowed("only a supervisor (or an administrator) may open a consultation or change its catalogue");
        }
    }

    /** An immutable copy of what its items' commands need. */
    public ConsultationRules rules() {
        return new ConsultationRules(consultationId, title, draftingUnit, catalogue, catalogueVersion, outcomes,
                handlingWorkingDays, closed, maskOrganisations, ZoneId.of(timeZone));
    }

    public List<String> outcomes() {
        return outcomes.words();
    }

    public OutcomeVocabulary vocabulary() {
        return outcomes;
    }

    public String id() {
        return consultationId;
    }
}
