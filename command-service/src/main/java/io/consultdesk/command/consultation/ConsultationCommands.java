package io.consultdesk.command.consultation;

import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.routing.Clause;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The commands on a consultation. */
public final class ConsultationCommands {

    private ConsultationCommands() {
    }

    public record OpenConsultation(String consultationId, String title, String draftingUnit, LocalDate deadline,
                                   List<Clause> clauses, List<String> outcomes, int handlingWorkingDays,
                                   String timeZone, Instant at, Actor actor, boolean maskOrganisations) {

        /** Organisations' names masked, as persons' are. */
        public OpenConsultation(String consultationId, String title, String draftingUnit, LocalDate deadline,
                                List<Clause> clauses, List<String> outcomes, int handlingWorkingDays, String timeZone,
                                Instant at, Actor actor) {
            this(consultationId, title, draftingUnit, deadline, clauses, outcomes, handlingWorkingDays, timeZone, at, actor, true);
        }
    }

    public record AmendClauseCatalogue(@TargetAggregateIdentifier String consultationId, List<Clause> clauses,
                                       Instant at, Actor actor) {
    }

    /** Replace the outcome vocabulary: each word with its class. */
    public record SetOutcomeVocabulary(@TargetAggregateIdentifier String consultationId, List<OutcomeWord> outcomes,
                                       Instant at, Actor actor) {
    }

    public record CloseConsultation(@TargetAggregateIdentifier String consultationId, Instant at, Actor actor) {
    }

    /** Begin publishing version {@code version} of the table: {@code expectedRows} checked items are to be published. */
    public record StartTablePublication(@TargetAggregateIdentifier String consultationId, int version, String heading,
                                        int expectedRows, Instant at, Actor actor) {
    }

    /** Record how many rows of the version being published have been published so far. */
    public record RecordTablePublicationProgress(@TargetAggregateIdentifier String consultationId, int version,
                                                 int rowsPublished, Instant at, Actor actor) {
    }

    /** Complete the version being published: every row of it was published; its totals and the items left out. */
    public record CompleteTablePublication(@TargetAggregateIdentifier String consultationId, int version, int rowCount,
                                           Map<String, Integer> totals, Map<String, OutcomeClass> outcomeClasses,
                                           List<String> leftOut, Instant at, Actor actor) {
    }
}
