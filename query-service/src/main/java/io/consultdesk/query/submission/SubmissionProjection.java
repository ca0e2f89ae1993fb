package io.consultdesk.query.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.Projection;
import io.consultdesk.query.feed.Projections;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import io.consultdesk.query.feed.PublishedLanguage;
import io.consultdesk.query.feed.SequencedWriter;
import io.consultdesk.query.feed.Views;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Keeps one document per submission in the {@code submissions} collection, applying its events in sequence. */
public class SubmissionProjection implements Projection {

    private final Views views;

    public static final String COLLECTION = "submissions";


    public SubmissionProjection(Views views) {
        this.views = views;
        // the status board's hot paths: by consultation in order, by bureau and state, overdue, by clause and outcome
        items().createIndex(Indexes.ascending("consultationId", "receivedAt"));
        items().createIndex(Indexes.ascending("bureaus", "state"));
        items().createIndex(Indexes.ascending("state", "dueAt"));
        items().createIndex(Indexes.ascending("citedClauses"));
        items().createIndex(Indexes.ascending("outcome"));
    }

    @Override
    public boolean accepts(EventEnvelope event) {
        return "Submission".equals(event.aggregateType());
    }

    @Override
    public void apply(EventEnvelope e) {
        String id = e.aggregateId();
        if ("SubmissionReceived".equals(e.type())) {
            SequencedWriter.create(items(), id, received(e));
            return;
        }
        Bson update = switch (e.type()) {
            case "SubmissionAssigned" -> Updates.combine(
                    Updates.set("state", "ASSIGNED"),
                    Updates.set("leadBureau", e.text("leadBureau")),
                    Updates.set("coBureaus", strings(e.payload().get("coBureaus"))),
                    Updates.set("bureaus", bureaus(e)),
                    Updates.set("routingBasis", basis(e.payload().get("basis"))),
                    Updates.set("triage", e.payload().path("triage").asBoolean()),
                    Updates.set("assignedAt", date(e.text("assignedAt"))),
                    Updates.set("dueAt", date(e.text("dueAt"))));
            case "SubmissionReassigned" -> Updates.combine(
                    Updates.set("state", "ASSIGNED"),
                    Updates.set("leadBureau", e.text("leadBureau")),
                    Updates.set("coBureaus", strings(e.payload().get("coBureaus"))),
                    Updates.set("bureaus", bureaus(e)),
                    Updates.set("assignedAt", date(e.text("reassignedAt"))),
                    Updates.set("dueAt", date(e.text("dueAt"))),
                    Updates.set("reassignmentReason", e.text("reason")));
            case "SubmissionDecided" -> Updates.combine(
                    Updates.set("state", "DECIDED"),
                    decision(e, "decidedAt"));
            case "SubmissionDecisionRevised" -> Updates.combine(
                    decision(e, "revisedAt"),
                    Updates.set("revisions", e.payload().path("revision").asInt()));
            case "SubmissionPublished" -> Updates.combine(
                    Updates.set("state", "PUBLISHED"),
                    Updates.set("tableVersion", e.payload().path("tableVersion").asInt()),
                    Updates.set("rowNumber", e.payload().path("rowNumber").asInt()),
                    Updates.set("publishedAt", date(e.text("publishedAt"))));
            case "SubmissionWithdrawn" -> closed("WITHDRAWN", e, "withdrawnAt");
            case "SubmissionRejected" -> closed("REJECTED", e, "rejectedAt");
            case "SubmissionMarkedDuplicate" -> Updates.combine(
                    closed("DUPLICATE", e, "markedAt"),
                    Updates.set("duplicateOf", e.text("duplicateOf")));
            case "SubmitterErased" -> Updates.combine(
                    Updates.set("submitterErased", true),
                    Updates.set("submitterErasedAt", date(e.text("erasedAt"))));
            // unreachable for events that passed PublishedLanguage.requireKnown; a type known there but not here is a bug
            default -> throw new PublishedLanguage.UnknownEventType(e);
        };
        SequencedWriter.update(items(), id, e.sequence(), update);
    }

    private static Document received(EventEnvelope e) {
        JsonNode p = e.payload();
        Document doc = new Document("consultationId", e.text("consultationId"))
                .append("state", "RECEIVED")
                .append("submitterKind", e.text("submitterKind"))
                .append("submitterPublicName", e.text("submitterPublicName"))
                .append("opinion", e.text("opinion"))
                .append("channel", e.text("channel"))
                .append("receivedAt", date(e.text("receivedAt")))
                .append("citedClauses", strings(p.get("citedClauses")))
                .append("citedChapters", strings(p.get("citedChapters")))
                .append("revisions", 0);
        JsonNode letter = p.get("letter");
        if (letter != null && !letter.isNull()) {
            doc.append("letter", new Document("letterId", letter.path("letterId").asText()).append("part", letter.path("part").asInt()));
        }
        return doc;
    }

    private static Bson decision(EventEnvelope e, String timeField) {
        return Updates.combine(
                Updates.set("outcome", e.text("outcome")),
                Updates.set("reason", e.text("reason")),
                Updates.set("decidedByBureau", e.text("decidedByBureau")),
                Updates.set("decidedAt", date(e.text(timeField))));
    }

    private static Bson closed(String state, EventEnvelope e, String timeField) {
        return Updates.combine(
                Updates.set("state", state),
                Updates.set("closedReason", e.text("reason")),
                Updates.set("closedAt", date(e.text(timeField))));
    }

    private static List<String> bureaus(EventEnvelope e) {
        List<String> all = new ArrayList<>();
        all.add(e.text("leadBureau"));
        all.addAll(strings(e.payload().get("coBureaus")));
        return all;
    }

    private static List<Document> basis(JsonNode basis) {
        List<Document> lines = new ArrayList<>();
        if (basis != null) {
            basis.forEach(b -> lines.add(new Document("clause", b.path("clause").asText())
                    .append("units", strings(b.get("units")))));
        }
        return lines;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    static Date date(String iso) {
        return iso == null ? null : Date.from(java.time.Instant.parse(iso));
    }

    /** Resolved on every use: after a replay switches generations, the live feed writes to the new one. */
    private MongoCollection<Document> items() {
        return views.collection(COLLECTION);
    }

    /** Registers this projection with the feed, for every generation of views. */
    @Component
    @Order(2)
    public static class Registration implements Projections.Registration {
        @Override
        public Projection forViews(Views views) {
            return new SubmissionProjection(views);
        }
    }
}
