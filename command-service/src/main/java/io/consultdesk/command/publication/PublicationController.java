package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.web.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A supervisor publishes a consultation's table; each call makes a new version. A table published within
 * {@code consultdesk.publication.answer-within} (10 s) is answered as published (201, the version); a longer
 * one with 202 and the address of its progress, which goes on in the background.
 */
@RestController
@RequestMapping("/api/consultations/{consultationId}/publication")
public class PublicationController {

    private final TablePublication publication;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final Duration answerWithin;

    public PublicationController(TablePublication publication, CurrentActor currentActor, Clock clock,
                                 @Value("${consultdesk.publication.answer-within:10s}") Duration answerWithin) {
        this.publication = publication;
        this.currentActor = currentActor;
        this.clock = clock;
        this.answerWithin = answerWithin;
    }

    public record PublicationRequest(@Size(max = FieldLimits.LEFT_OUT) Set<@Size(max = FieldLimits.ID) String> leaveOut,
                                     @Size(max = FieldLimits.HEADING) String heading) {
    }

    @PostMapping
    public ResponseEntity<?> publish(@PathVariable String consultationId,
                                     @Valid @RequestBody(required = false) PublicationRequest request) throws InterruptedException {
        Actor actor = currentActor.get();
        PublicationRequest r = request == null ? new PublicationRequest(Set.of(), null) : request;
        TablePublication.Publishing publishing = publication.publish(new PublishTable(consultationId, r.leaveOut(), r.heading(),
                clock.instant(), actor));
        try {
            TablePublished published = publishing.published().get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
            return ResponseEntity.created(URI.create("/api/consultations/" + consultationId + "/table?version=" + published.version()))
                    .body(published);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/consultations/" + consultationId + "/publication/" + publishing.version()))
                    .body(publication.progress(consultationId, publishing.version()).orElseThrow());
        }
    }

    /** How far the publication of a version has come (a supervisor). */
    @GetMapping("/{version}")
    public PublicationProgress progress(@PathVariable String consultationId, @PathVariable int version) {
        return publication.progress(consultationId, version).orElseThrow(() -> new UnknownPublication(consultationId, version));
    }
}
