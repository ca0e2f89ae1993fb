package io.consultdesk.command.audit;

import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.FieldLimits;
import io.consultdesk.command.personaldata.KeyErasures;
import io.consultdesk.command.personaldata.PersonalDataVault;
import io.consultdesk.command.personaldata.SealedPersonalData;
import io.consultdesk.command.publishedlanguage.PublishedEvents;
import io.consultdesk.command.submission.Commands.EraseSubmitter;
import io.consultdesk.command.submission.SubmissionReceived;
import io.consultdesk.command.submission.SubmitterErased;
import io.consultdesk.command.web.CommandSender;
import io.consultdesk.command.web.CurrentActor;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Auditors' view of the write side: raw history, unmasked submitter, erasure. */
@RestController
@RequestMapping("/api/submissions/{id}")
public class AuditController {

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);
    private final EventStore eventStore;
    private final PersonalDataVault vault;
    private final KeyErasures keys;
    private final CommandSender commands;
    private final CurrentActor currentActor;
    private final Clock clock;

    public AuditController(EventStore eventStore, PersonalDataVault vault, KeyErasures keys, CommandSender commands,
                           CurrentActor currentActor, Clock clock) {
        this.eventStore = eventStore;
        this.vault = vault;
        this.keys = keys;
        this.commands = commands;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Every event of the item as stored: sequence, type, revision, time, who, and the payload. */
    @GetMapping("/events")
    public ResponseEntity<?> events(@PathVariable String id) {
        List<Map<String, Object>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(id);
        while (stream.hasNext()) {
            DomainEventMessage<?> e = stream.next();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("sequence", e.getSequenceNumber());
            event.put("eventId", e.getIdentifier());
            event.put("type", PublishedEvents.get().nameOf(e.getPayloadType()).orElse(e.getPayloadType().getSimpleName()));
            event.put("revision", PublishedEvents.revisionOf(e.getPayloadType()));
            event.put("occurredAt", e.getTimestamp());
            event.put("metaData", e.getMetaData());
            event.put("payload", e.getPayload());
            events.add(event);
        }
        if (events.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no item with id '" + id + "'"));
        }
        return ResponseEntity.ok(events);
    }

    /** The submitter as received (name and contact), or 410 once erased. */
    @GetMapping("/submitter")
    public ResponseEntity<?> submitter(@PathVariable String id) {
        SealedPersonalData sealed = sealedOf(id);
        Optional<Map> opened = sealed == null ? Optional.empty() : vault.open(sealed, Map.class);
        if (opened.isEmpty()) {
            return ResponseEntity.status(HttpStatus.GONE).body(ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
                    "the submitter's personal data of item '" + id + "' was erased"));
        }
        return ResponseEntity.ok(opened.get());
    }

    @DeleteMapping("/submitter")
    public Map<String, Object> erase(@PathVariable String id,
                                     @RequestParam(required = false) @Size(max = FieldLimits.REASON) String reason) {
        Actor actor = currentActor.get();
        String keyId = commands.send(new EraseSubmitter(id, reason, clock.instant(), actor), actor);
        boolean keyDeleted = true;
        if (keyId != null) {
            try {
                keys.deleteNow(keyId);
            } catch (RuntimeException e) {
                // recorded, and nobody can unseal it any more; the key itself is deleted by the retry
                log.warn("erasure of {} recorded; its key {} is not deleted yet and will be retried: {}", id, keyId, e.getMessage());
                keyDeleted = false;
            }
        }
        return Map.of("id", id, "erased", true, "keyDeleted", keyDeleted);
    }

    private SealedPersonalData sealedOf(String id) {
        DomainEventStream stream = eventStore.readEvents(id);
        SealedPersonalData sealed = null;
        boolean any = false;
        boolean erased = false;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            any = true;
            if (payload instanceof SubmissionReceived received) {
                sealed = received.sealedSubmitter();
            }
            if (payload instanceof SubmitterErased) {
                erased = true;
            }
        }
        if (!any) {
            throw new AggregateNotFoundException(id, "no item with id '" + id + "'");
        }
        // a recorded erasure closes the data even while its key waits for deletion
        return erased ? null : sealed;
    }
}
