package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.web.CommandSender;
import io.consultdesk.command.web.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Set;

/** A supervisor publishes a consultation's table; each call makes a new version. */
@RestController
@RequestMapping("/api/consultations/{consultationId}/publication")
public class PublicationController {

    private final CommandSender commands;
    private final CurrentActor currentActor;
    private final Clock clock;

    public PublicationController(CommandSender commands, CurrentActor currentActor, Clock clock) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    public record PublicationRequest(@Size(max = 100_000) Set<@Size(max = FieldLimits.ID) String> leaveOut,
                                     @Size(max = 200) String heading) {
    }

    @PostMapping
    public ResponseEntity<TablePublished> publish(@PathVariable String consultationId,
                                                  @Valid @RequestBody(required = false) PublicationRequest request) {
        Actor actor = currentActor.get();
        PublicationRequest r = request == null ? new PublicationRequest(Set.of(), null) : request;
        TablePublished published = commands.send(new PublishTable(consultationId, r.leaveOut(), r.heading(),
                clock.instant(), actor), actor);
        return ResponseEntity.created(URI.create("/api/consultations/" + consultationId + "/table?version=" + published.version()))
                .body(published);
    }
}
