package io.consultdesk.command.submission;

import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.kernel.SubmissionState;
import io.consultdesk.security.Roles;
import io.consultdesk.command.submission.Commands.DecideSubmission;
import io.consultdesk.command.submission.Commands.MarkDuplicate;
import io.consultdesk.command.submission.Commands.ReassignSubmission;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import io.consultdesk.command.submission.Commands.RejectSubmission;
import io.consultdesk.command.submission.Commands.WithdrawSubmission;
import io.consultdesk.command.web.CommandSender;
import io.consultdesk.command.web.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The commands on submissions over HTTP. */
@RestController
@RequestMapping("/api/submissions")
public class SubmissionController {

    private final CommandSender commands;
    private final CurrentActor currentActor;
    private final Clock clock;

    public SubmissionController(CommandSender commands, CurrentActor currentActor, Clock clock) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A comment on a draft. Public callers submit on the web channel; clerks may say how and when it arrived. */
    public record ReceiveRequest(
            @Pattern(regexp = FieldLimits.ID_PATTERN, message = FieldLimits.ID_RULE) String id,
            @NotBlank @Size(max = FieldLimits.ID) String consultationId,
            @NotNull @Valid SubmitterRequest submitter,
            @NotBlank @Size(max = FieldLimits.OPINION) String opinion,
            Channel channel,
            Instant receivedAt,
            @Valid LetterRequest letter,
            @Size(max = FieldLimits.CLAUSE_NUMBER) String clause) {
    }

    public record SubmitterRequest(@NotBlank @Size(max = FieldLimits.SUBMITTER_NAME) String name, @NotNull SubmitterKind kind,
                                   @Size(max = FieldLimits.CONTACT) String contact) {
    }

    public record LetterRequest(@NotBlank @Pattern(regexp = FieldLimits.ID_PATTERN) String letterId,
                                @Min(1) int part) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> receive(@Valid @RequestBody ReceiveRequest request) {
        Actor actor = currentActor.get();
        boolean registeredByStaff = actor.hasRole(Roles.CLERK) || actor.hasRole(Roles.ADMIN);
        Channel channel = registeredByStaff && request.channel() != null ? request.channel() : Channel.WEB;
        Instant receivedAt = registeredByStaff && request.receivedAt() != null ? request.receivedAt() : clock.instant();
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        LetterReference letter = request.letter() == null ? null
                : new LetterReference(request.letter().letterId(), request.letter().part());
        Submitter submitter = new Submitter(request.submitter().name().strip(), request.submitter().kind(),
                request.submitter().contact());
        boolean created = commands.send(new ReceiveSubmission(id, request.consultationId(), submitter,
                request.opinion(), channel, receivedAt, letter, actor, request.clause()), actor);
        Map<String, Object> body = Map.of("id", id, "created", created);
        return created
                ? ResponseEntity.created(URI.create("/api/submissions/" + id)).body(body)
                : ResponseEntity.ok(body);
    }

    public record DecisionRequest(@NotBlank @Size(max = FieldLimits.OUTCOME_WORD) String outcome,
                                  @Size(max = FieldLimits.DECISION_REASON) String reason,
                                  @PositiveOrZero Long expectedVersion,
                                  @Size(max = FieldLimits.CO_BUREAUS) List<@NotBlank @Size(max = FieldLimits.BUREAU) String> consideredOpinions) {
    }

    @PostMapping("/{id}/decision")
    public Map<String, Object> decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        Actor actor = currentActor.get();
        commands.send(new DecideSubmission(id, request.outcome().strip(), request.reason(), request.expectedVersion(),
                clock.instant(), actor, request.consideredOpinions()), actor);
        return Map.of("id", id, "outcome", request.outcome().strip());
    }

    public record CoHandlingOpinionRequest(@NotBlank @Size(max = FieldLimits.CO_HANDLING_OPINION) String opinion) {
    }

    /** A co-handling bureau's opinion (协办意见), given by one of its officials while the item is open. */
    @PostMapping("/{id}/co-handling-opinion")
    public Map<String, Object> coHandlingOpinion(@PathVariable String id, @Valid @RequestBody CoHandlingOpinionRequest request) {
        Actor actor = currentActor.get();
        commands.send(new Commands.GiveCoHandlingOpinion(id, request.opinion(), clock.instant(), actor), actor);
        return Map.of("id", id, "bureau", actor.bureau());
    }

    public record AssignmentRequest(@NotBlank @Size(max = FieldLimits.BUREAU) String leadBureau,
                                    @Size(max = FieldLimits.CO_BUREAUS) List<@NotBlank @Size(max = FieldLimits.BUREAU) String> coBureaus,
                                    @NotBlank @Size(max = FieldLimits.REASON) String reason, @PositiveOrZero Long expectedVersion) {
    }

    @PostMapping("/{id}/assignment")
    public Map<String, Object> reassign(@PathVariable String id, @Valid @RequestBody AssignmentRequest request) {
        Actor actor = currentActor.get();
        commands.send(new ReassignSubmission(id, request.leadBureau().strip(), request.coBureaus(), request.reason(),
                request.expectedVersion(), clock.instant(), actor), actor);
        return Map.of("id", id, "leadBureau", request.leadBureau().strip());
    }

    public record ReasonRequest(@Size(max = FieldLimits.REASON) String reason, @PositiveOrZero Long expectedVersion) {
    }

    @PostMapping("/{id}/withdrawal")
    public Map<String, Object> withdraw(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        Actor actor = currentActor.get();
        commands.send(new WithdrawSubmission(id, request.reason(), request.expectedVersion(), clock.instant(), actor), actor);
        return Map.of("id", id, "state", SubmissionState.WITHDRAWN);
    }

    @PostMapping("/{id}/rejection")
    public Map<String, Object> reject(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        Actor actor = currentActor.get();
        commands.send(new RejectSubmission(id, request.reason(), request.expectedVersion(), clock.instant(), actor), actor);
        return Map.of("id", id, "state", SubmissionState.REJECTED);
    }

    public record DuplicateRequest(@NotBlank @Pattern(regexp = FieldLimits.ID_PATTERN) String duplicateOf,
                                   @Size(max = FieldLimits.REASON) String reason, @PositiveOrZero Long expectedVersion) {
    }

    @PostMapping("/{id}/duplicate-of")
    public Map<String, Object> markDuplicate(@PathVariable String id, @Valid @RequestBody DuplicateRequest request) {
        Actor actor = currentActor.get();
        commands.send(new MarkDuplicate(id, request.duplicateOf(), request.reason(), request.expectedVersion(),
                clock.instant(), actor), actor);
        return Map.of("id", id, "state", SubmissionState.DUPLICATE);
    }

}
