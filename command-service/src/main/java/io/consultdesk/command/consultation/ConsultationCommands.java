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
                                   String timeZone, Instant at, Actor actor) {
    }

    public record AmendClauseCatalogue(@TargetAggregateIdentifier String consultationId, List<Clause> clauses,
                                       Instant at, Actor actor) {
    }

    public record CloseConsultation(@TargetAggregateIdentifier String consultationId, Instant at, Actor actor) {
    }
}
