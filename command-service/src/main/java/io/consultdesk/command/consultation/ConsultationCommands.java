package io.consultdesk.command.consultation;

import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.routing.Clause;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
}
