package io.consultdesk.command.consultation;

import io.consultdesk.command.routing.Clause;
import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A draft was put out for comment, with catalogue version 1. {@code timeZone} is where its people read times and
 * count working days; events stored before it was recorded have none and read as {@value #DEFAULT_TIME_ZONE}.
 * Its outcome words are classed as {@link OutcomeLexicon} classes them (a word it does not know as
 * explained-or-other) until an {@link OutcomeVocabularyAmended} says otherwise. {@code maskOrganisations} false:
 * organisations' names are published as given (persons' are always masked); absent means true.
 */
@EventName("ConsultationOpened")
@Revision("1")
public record ConsultationOpened(
        String consultationId,
        String title,
        String draftingUnit,
        LocalDate deadline,
        List<Clause> clauses,
        List<String> outcomes,
        int handlingWorkingDays,
        Instant openedAt,
        String timeZone,
        Boolean maskOrganisations) {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    public ConsultationOpened {
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
    }

    /** Opened with the default masking policy (organisations masked too). */
    public ConsultationOpened(String consultationId, String title, String draftingUnit, LocalDate deadline, List<Clause> clauses,
                              List<String> outcomes, int handlingWorkingDays, Instant openedAt, String timeZone) {
        this(consultationId, title, draftingUnit, deadline, clauses, outcomes, handlingWorkingDays, openedAt, timeZone, null);
    }
}
