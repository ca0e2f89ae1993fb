package io.consultdesk.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import io.consultdesk.query.feed.Changes;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.Projection;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.presentation.LocalTimes;
import io.consultdesk.query.submission.ItemStates;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import io.consultdesk.query.feed.Views;
import org.bson.Document;

import java.util.Date;
import java.util.Map;

/**
 * One document per event, inserted under the event id (a redelivered event finds itself there and is kept
 * as it was): the timeline of every item and consultation, with the state the item was in after each event.
 */
public class HistoryProjection implements Projection {

    private final Views views;

    public static final String COLLECTION = "history";
    private static final Map<String, String> STATE_AFTER = Map.of(
            "SubmissionReceived", ItemStates.RECEIVED,
            "SubmissionAssigned", ItemStates.ASSIGNED,
            "SubmissionReassigned", ItemStates.ASSIGNED,
            "SubmissionDecided", ItemStates.DECIDED,
            "SubmissionDecisionRevised", ItemStates.DECIDED,
            "SubmissionPublished", ItemStates.PUBLISHED,
            "SubmissionWithdrawn", ItemStates.WITHDRAWN,
            "SubmissionRejected", ItemStates.REJECTED,
            "SubmissionMarkedDuplicate", ItemStates.DUPLICATE,
            "CoHandlingOpinionGiven", ItemStates.ASSIGNED);


    public HistoryProjection(Views views) {
        this.views = views;
        history().createIndex(Indexes.ascending("aggregateId", "sequence"));
        history().createIndex(Indexes.ascending("occurredAt"));
    }

    @Override
    public boolean accepts(EventEnvelope event) {
        return true;
    }

    @Override
    public void apply(EventEnvelope e, Changes changes) {
        JsonNode details = e.payload().deepCopy();
        if (details instanceof ObjectNode object) {
            object.remove("sealedSubmitter"); // ciphertext: meaningless to a reader, and not theirs to hold
        }
        Document doc = new Document("_id", e.eventId())
                .append("aggregateType", e.aggregateType())
                .append("aggregateId", e.aggregateId())
                .append("sequence", e.sequence())
                .append("type", e.type())
                .append("version", e.version())
                .append("occurredAt", Date.from(e.occurredAt()))
                .append("actor", e.actor())
                .append("actorBureau", e.actorBureau())
                .append("correlationId", e.correlationId())
                // as read where the consultation's zone is not known; readers render it again in that zone (Timelines)
                .append("summary", TimelineText.summary(e, LocalTimes.in(LocalTimes.DEFAULT_ZONE)))
                .append("stateAfter", STATE_AFTER.get(e.type()))
                .append("details", Document.parse(details.toString()));
        changes.insert(COLLECTION, doc);
    }

    /** Resolved on every use: after a replay switches generations, the live feed writes to the new one. */
    private MongoCollection<Document> history() {
        return views.collection(COLLECTION);
    }

    /** Registers this projection with the feed, for every generation of views. */
    @Component
    @Order(4)
    public static class Registration implements Projections.Registration {
        @Override
        public Projection forViews(Views views) {
            return new HistoryProjection(views);
        }
    }
}
