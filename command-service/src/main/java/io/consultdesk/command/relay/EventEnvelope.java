package io.consultdesk.command.relay;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * What goes on the wire for each event: the published language between command-service and its readers.
 * {@code version} is the event type's schema revision; readers accept every version they know.
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
}
