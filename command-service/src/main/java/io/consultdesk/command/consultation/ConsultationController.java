package io.consultdesk.command.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.consultdesk.command.consultation.ConsultationCommands.AmendClauseCatalogue;
import io.consultdesk.command.consultation.ConsultationCommands.CloseConsultation;
import io.consultdesk.command.consultation.ConsultationCommands.OpenConsultation;
import io.consultdesk.command.consultation.ConsultationCommands.SetOutcomeVocabulary;
import io.consultdesk.command.eventstore.DuplicateEvent;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.kernel.InvalidField;
import io.consultdesk.command.routing.Clause;
import io.consultdesk.command.routing.ClauseCatalogue;
import io.consultdesk.command.web.CommandSender;
import io.consultdesk.command.web.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Opening consultations, amending their clause catalogue (JSON or TSV) and closing them. */
@RestController
@RequestMapping("/api/consultations")
public class ConsultationController {

    private final CommandSender commands;
    private final CurrentActor currentActor;
    private final Clock clock;

    public ConsultationController(CommandSender commands, CurrentActor currentActor, Clock clock) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    public record ClauseRequest(@NotBlank @Size(max = FieldLimits.CLAUSE_NUMBER) String number,
                                @Size(max = FieldLimits.HEADING) String chapter, @Size(max = FieldLimits.TITLE) String title,
                                @Size(max = FieldLimits.RESPONSIBLE_UNITS) List<@Size(max = FieldLimits.BUREAU) String> responsibleUnits,
                                @Size(max = FieldLimits.CLAUSE_TEXT) String text) {
    }

    public record OpenRequest(
            @Pattern(regexp = FieldLimits.ID_PATTERN, message = FieldLimits.ID_RULE) String id,
            @NotBlank @Size(max = FieldLimits.TITLE) String title,
            @NotBlank @Size(max = FieldLimits.BUREAU) String draftingUnit,
            LocalDate deadline,
            @Size(max = FieldLimits.CLAUSES) List<@Valid ClauseRequest> clauses,
            @Size(max = FieldLimits.OUTCOME_WORDS) List<@NotBlank @Size(max = FieldLimits.OUTCOME_WORD) String> outcomes,
            @Min(1) @Max(365) Integer handlingWorkingDays,
            @Size(max = FieldLimits.TIME_ZONE) String timeZone,
            Boolean maskOrganisations) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody OpenRequest request) {
        requireUnique(clauses(request.clauses()));
        String timeZone = timeZone(request.timeZone());
        Actor actor = currentActor.get();
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        try {
            commands.send(new OpenConsultation(id, request.title(), request.draftingUnit(), request.deadline(),
                    clauses(request.clauses()), request.outcomes(),
                    request.handlingWorkingDays() == null ? Consultation.DEFAULT_HANDLING_WORKING_DAYS : request.handlingWorkingDays(),
                    timeZone, clock.instant(), actor,
                    !Boolean.FALSE.equals(request.maskOrganisations())), actor);
        } catch (RuntimeException e) {
            if (DuplicateEvent.isCauseOf(e)) {
                throw new ConsultationRefused("a consultation with id '" + id + "' exists already");
            }
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/consultations/" + id)).body(Map.of("id", id));
    }

    @PutMapping(path = "/{id}/clauses", consumes = "application/json")
    public Map<String, Object> amendFromJson(@PathVariable String id,
                                             @RequestBody @Size(max = FieldLimits.CLAUSES) List<@Valid ClauseRequest> clauses) {
        return amend(id, clauses(clauses));
    }

    @PutMapping(path = "/{id}/clauses", consumes = "text/tab-separated-values")
    public Map<String, Object> amendFromTsv(@PathVariable String id, @RequestBody String tsv) {
        if (tsv.length() > 1_000_000) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "body: a catalogue larger than 1 MB is refused");
        }
        return amend(id, ClauseCatalogueTsv.parse(tsv));
    }

    /** One word of a vocabulary as sent: {@code class} may be left out for a word {@link OutcomeLexicon} knows. */
    public record OutcomeRequest(String word, @JsonProperty("class") String outcomeClass) {
    }

    /** Sets the consultation's outcome vocabulary: [{"word":"是","class":"accepted"}, …]. */
    @PutMapping(path = "/{id}/outcomes", consumes = "application/json")
    public Map<String, Object> setOutcomes(@PathVariable String id, @RequestBody List<OutcomeRequest> outcomes) {
        List<OutcomeWord> words = outcomeWords(outcomes);
        Actor actor = currentActor.get();
        commands.send(new SetOutcomeVocabulary(id, words, clock.instant(), actor), actor);
        return Map.of("id", id, "outcomes", words.stream().map(w -> Map.of("word", w.word(), "class", w.outcomeClass().key())).toList());
    }

    /** Checks each word and class, naming the first bad field. */
    static List<OutcomeWord> outcomeWords(List<OutcomeRequest> outcomes) {
        if (outcomes == null || outcomes.isEmpty()) {
            throw new InvalidField("outcomes", "give at least one word: [{\"word\":\"采纳\",\"class\":\"accepted\"}, …]");
        }
        if (outcomes.size() > FieldLimits.OUTCOME_WORDS) {
            throw new InvalidField("outcomes", "at most " + FieldLimits.OUTCOME_WORDS + " words");
        }
        List<OutcomeWord> words = new ArrayList<>();
        for (int n = 0; n < outcomes.size(); n++) {
            int i = n;
            OutcomeRequest r = outcomes.get(i);
            if (r == null || r.word() == null || r.word().isBlank() || r.word().strip().length() > FieldLimits.OUTCOME_WORD) {
                throw new InvalidField("outcomes[" + i + "].word", "a word of 1 to " + FieldLimits.OUTCOME_WORD + " characters");
            }
            String word = r.word().strip();
            if (words.stream().anyMatch(w -> w.word().equals(word))) {
                throw new InvalidField("outcomes[" + i + "].word", "'" + word + "' is given twice");
            }
            OutcomeClass outcomeClass = r.outcomeClass() == null || r.outcomeClass().isBlank()
                    ? OutcomeLexicon.classOf(word).orElseThrow(() -> new InvalidField("outcomes[" + i + "].class",
                    "'" + word + "' is not a word ConsultDesk knows: give its class (accepted, partly, not-accepted or explained)"))
                    : OutcomeClass.byKey(r.outcomeClass()).orElseThrow(() -> new InvalidField("outcomes[" + i + "].class",
                    "'" + r.outcomeClass() + "' is not a class: use accepted, partly, not-accepted or explained"));
            words.add(new OutcomeWord(word, outcomeClass));
        }
        return words;
    }

    @PostMapping("/{id}/closure")
    public Map<String, Object> close(@PathVariable String id) {
        Actor actor = currentActor.get();
        commands.send(new CloseConsultation(id, clock.instant(), actor), actor);
        return Map.of("id", id, "closed", true);
    }

    private Map<String, Object> amend(String id, List<Clause> clauses) {
        requireUnique(clauses);
        Actor actor = currentActor.get();
        commands.send(new AmendClauseCatalogue(id, clauses, clock.instant(), actor), actor);
        return Map.of("id", id, "clauses", clauses.size());
    }

    /** A time zone by its region name (Asia/Shanghai); none given is the default. */
    private static String timeZone(String name) {
        if (name == null || name.isBlank()) {
            return ConsultationOpened.DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(name.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidField("timeZone", "'" + name + "' is not a time zone (e.g. Asia/Shanghai)");
        }
    }

    private static void requireUnique(List<Clause> clauses) {
        try {
            new ClauseCatalogue(clauses);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("clauses", e.getMessage());
        }
    }

    private static List<Clause> clauses(List<ClauseRequest> requests) {
        List<Clause> clauses = new ArrayList<>();
        if (requests == null) {
            return clauses;
        }
        for (int i = 0; i < requests.size(); i++) {
            ClauseRequest r = requests.get(i);
            try {
                clauses.add(new Clause(r.number(), r.chapter(), r.title(), r.responsibleUnits(), r.text()));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("clauses[" + i + "].number", e.getMessage());
            }
        }
        return clauses;
    }
}
