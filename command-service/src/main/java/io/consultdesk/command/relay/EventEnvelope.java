package io.consultdesk.command.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.consultdesk.command.eventstore.ActorCorrelation;
import io.consultdesk.command.publishedlanguage.PublishedEvents;
import io.consultdesk.command.publishedlanguage.PublishedJson;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;

/**
 * What goes on the wire for each event: the published language between command-service and its readers.
 * {@code type} is the event's stable name and {@code version} its revision, both as stored in the event
 * store; the committed golden files (test resources, {@code published-language/}) fix their exact form.
 */
public record EventEnvelope(
        String eventId,
        String type,
        String version,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        String actor,
        String actorBureau,
        String correlationId,
        JsonNode payload) {

    /** The envelope of a stored event; fails for a payload that is not an event of the published language. */
    public static EventEnvelope of(DomainEventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        String name = PublishedEvents.get().nameOf(type)
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is not an event of the published language"));
        return new EventEnvelope(
                event.getIdentifier(),
                name,
                PublishedEvents.revisionOf(type),
                event.getType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                event.getTimestamp(),
                text(event.getMetaData().get(ActorCorrelation.ACTOR)),
                text(event.getMetaData().get(ActorCorrelation.BUREAU)),
                text(event.getMetaData().get("correlationId")),
                PublishedJson.mapper().valueToTree(event.getPayload()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
