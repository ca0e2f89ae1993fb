package io.consultdesk.query.feed;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One event as published by command-service: this service's own reading of the published language (it
 * shares no code with the writer). {@code version} is the event type's schema revision.
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

    public String text(String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
