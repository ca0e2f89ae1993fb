package io.consultdesk.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.presentation.LocalTimes;
import org.bson.Document;

import java.time.Instant;

/**
 * One event of an item's (or a consultation's) timeline: what happened, who did it, for which bureau, when, the
 * state after it, a sentence saying so, and the event's own fields ({@code details}, sealed data left out).
 */
public record TimelineEntry(String eventId, String aggregateType, String aggregateId, long sequence, String type,
                            String version, Instant occurredAt, String actor, String actorBureau, String correlationId,
                            String summary, String stateAfter, JsonNode details) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The entry a {@code history} document holds, its summary said with times in {@code times}' zone. */
    public static TimelineEntry of(Document d, LocalTimes times) {
        TimelineEntry recorded = of(d);
        return new TimelineEntry(recorded.eventId, recorded.aggregateType, recorded.aggregateId, recorded.sequence, recorded.type,
                recorded.version, recorded.occurredAt, recorded.actor, recorded.actorBureau, recorded.correlationId,
                TimelineText.summary(recorded.toEvent(), times), recorded.stateAfter, recorded.details);
    }

    /** The entry a {@code history} document holds, as recorded. */
    public static TimelineEntry of(Document d) {
        Document details = d.get("details", Document.class);
        try {
            return new TimelineEntry(d.getString("_id"), d.getString("aggregateType"), d.getString("aggregateId"),
                    d.get("sequence", Number.class).longValue(), d.getString("type"), d.getString("version"),
                    d.getDate("occurredAt").toInstant(), d.getString("actor"), d.getString("actorBureau"),
                    d.getString("correlationId"), d.getString("summary"), d.getString("stateAfter"),
                    JSON.readTree(details == null ? "{}" : details.toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history entry " + d.get("_id") + " holds unreadable details", e);
        }
    }

    /** The event again, as the feed delivered it: so that a past state is folded by the projections' own code. */
    public EventEnvelope toEvent() {
        return new EventEnvelope(eventId, type, version, aggregateType, aggregateId, sequence, occurredAt, actor, actorBureau,
                correlationId, details);
    }
}
