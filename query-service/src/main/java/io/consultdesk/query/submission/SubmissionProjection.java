package io.consultdesk.query.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import io.consultdesk.query.feed.Changes;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.Projection;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.feed.PublishedLanguage;
import io.consultdesk.query.feed.Views;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Keeps one document per submission in the {@code submissions} collection: what each event sets on it. */
public class SubmissionProjection implements Projection {

    private final Views views;

    public static final String COLLECTION = "submissions";
    /** The correlation of the receipt and of the latest decision: equal when a decision came in with its comment (an import). */
    public static final String RECEIVED_CORRELATION = "receivedCorrelationId";
    public static final String DECISION_CORRELATION = "decisionCorrelationId";
    /** A campaign decision proposed to the item ({@code SubmissionDecisionProposed}), until it is decided. */
    public static final String PROPOSED_DECISION = "proposedDecision";
    /**
     * {@code campaignClusterId} of an item a supervisor moved out of its cluster into none. An item that never joined
     * one has no such field: it is (at most) the representative of its own.
     */
    public static final String NO_CAMPAIGN = "";
    /** The co-handling bureaus whose opinion (协办意见) an item waits for. */
    public static final String AWAITING_CO_HANDLERS = "awaitingCoHandlers";


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
    public Optional<DocumentPerAggregate> documentPerAggregate() {
        return Optional.of(new DocumentPerAggregate("Submission", COLLECTION, "consultationId", "bureaus"));
    }

    @Override
    public void apply(EventEnvelope e, Changes changes) {
        changes.set(COLLECTION, fields(e));
    }

    /**
     * The fields one event sets on its item's document: what the live feed writes, and what the board as of a
     * past instant folds from the history (one code for both, so the two never differ).
     */
    public static Document fields(EventEnvelope e) {
        return switch (e.type()) {
            case "SubmissionReceived" -> received(e);
            case "SubmissionAssigned" -> new Document("state", ItemStates.ASSIGNED)
                    .append("leadBureau", e.text("leadBureau"))
                    .append("coBureaus", strings(e.payload().get("coBureaus")))
                    .append("bureaus", bureaus(e))
                    .append("routingBasis", basis(e.payload().get("basis")))
                    .append("triage", e.payload().path("triage").asBoolean())
                    .append(AWAITING_CO_HANDLERS, strings(e.payload().get("coBureaus")))
                    .append("assignedAt", date(e.text("assignedAt")))
                    .append("dueAt", date(e.text("dueAt")));
            case "SubmissionReassigned" -> new Document("state", ItemStates.ASSIGNED)
                    .append("leadBureau", e.text("leadBureau"))
                    .append("coBureaus", strings(e.payload().get("coBureaus")))
                    .append("bureaus", bureaus(e))
                    .append("assignedAt", date(e.text("reassignedAt")))
                    .append("dueAt", date(e.text("dueAt")))
                    .append("reassignmentReason", e.text("reason"))
                    // none recorded (a reassignment before co-handling opinions existed): it waits for every co-handler
                    .append(AWAITING_CO_HANDLERS, strings(e.payload().has("awaitedOpinions")
                            ? e.payload().get("awaitedOpinions") : e.payload().get("coBureaus")));
            case "CoHandlingOpinionGiven" -> new Document(AWAITING_CO_HANDLERS, strings(e.payload().get("stillAwaited")));
            case "SubmissionDecided" -> decision(e, "decidedAt").append("state", ItemStates.DECIDED);
            case "SubmissionDecisionRevised" -> decision(e, "revisedAt")
                    .append("revisions", e.payload().path("revision").asInt());
            case "SubmissionPublished" -> new Document("state", ItemStates.PUBLISHED)
                    .append("tableVersion", e.payload().path("tableVersion").asInt())
                    .append("rowNumber", e.payload().path("rowNumber").asInt())
                    .append("publishedAt", date(e.text("publishedAt")));
            case "SubmissionWithdrawn" -> closed(ItemStates.WITHDRAWN, e, "withdrawnAt");
            case "SubmissionRejected" -> closed(ItemStates.REJECTED, e, "rejectedAt");
            case "SubmissionMarkedDuplicate" -> closed(ItemStates.DUPLICATE, e, "markedAt")
                    .append("duplicateOf", e.text("duplicateOf"));
            case "SubmitterErased" -> new Document("submitterErased", true)
                    .append("submitterErasedAt", date(e.text("erasedAt")));
            case "SubmissionJoinedCampaign" -> new Document("campaignClusterId", e.text("clusterId"))
                    .append("campaignRepresentativeId", e.text("representativeId"))
                    .append("campaignSimilarity", e.payload().path("similarity").asDouble());
            // moved into another cluster, or (to null) into none: then "" marks "in none", not "its own"
            case "SubmissionRegrouped" -> new Document("campaignClusterId", e.text("toClusterId") == null ? NO_CAMPAIGN : e.text("toClusterId"))
                    .append("campaignRepresentativeId", e.text("toRepresentativeId"))
                    .append("campaignSimilarity", null);
            case "SubmissionDecisionProposed" -> new Document(PROPOSED_DECISION, new Document("decisionId", e.text("decisionId"))
                    .append("clusterId", e.text("clusterId")).append("bureau", e.text("proposedByBureau"))
                    .append("outcome", e.text("outcome")).append("reason", e.text("reason"))
                    .append("proposedAt", date(e.text("proposedAt"))));
            // unreachable for events that passed PublishedLanguage.requireKnown; a type known there but not here is a bug
            default -> throw new PublishedLanguage.UnknownEventType(e);
        };
    }

    /**
     * Whether the item's decision was taken in the unit of work that received it: a table imported with its
     * 采纳情况. Such a decision took no time here; its due date meant nothing.
     */
    public static boolean decisionImported(Document item) {
        Object received = item.get(RECEIVED_CORRELATION);
        // a near-copy that took its campaign's decision on receipt was decided here, not imported
        return received != null && received.equals(item.get(DECISION_CORRELATION)) && item.get("campaignDecisionId") == null;
    }

    private static Document received(EventEnvelope e) {
        JsonNode p = e.payload();
        Document doc = new Document("consultationId", e.text("consultationId"))
                .append("state", ItemStates.RECEIVED)
                .append("submitterKind", e.text("submitterKind"))
                .append("submitterPublicName", e.text("submitterPublicName"))
                .append("opinion", e.text("opinion"))
                .append("channel", e.text("channel"))
                .append("receivedAt", date(e.text("receivedAt")))
                // a clause chosen on the public page is cited as much as one named in the text: the board finds it by either
                .append("citedClauses", cited(p))
                .append("chosenClauses", strings(p.get("chosenClauses")))
                .append("citedChapters", strings(p.get("citedChapters")))
                .append("revisions", 0)
                .append(RECEIVED_CORRELATION, e.correlationId());
        JsonNode letter = p.get("letter");
        if (letter != null && !letter.isNull()) {
            doc.append("letter", new Document("letterId", letter.path("letterId").asText()).append("part", letter.path("part").asInt()));
        }
        return doc;
    }

    private static Document decision(EventEnvelope e, String timeField) {
        return new Document("outcome", e.text("outcome"))
                .append("outcomeClass", OutcomeClasses.of(e.text("outcome"), e.text("outcomeClass")))
                .append("reason", e.text("reason"))
                .append("decidedByBureau", e.text("decidedByBureau"))
                .append("decidedAt", date(e.text(timeField)))
                .append("consideredOpinions", strings(e.payload().get("consideredOpinions")))
                .append("campaignDecisionId", e.text("campaignDecisionId"))
                .append(PROPOSED_DECISION, null)
                .append(DECISION_CORRELATION, e.correlationId());
    }

    private static Document closed(String state, EventEnvelope e, String timeField) {
        return new Document("state", state)
                .append("closedReason", e.text("reason"))
                .append("closedAt", date(e.text(timeField)));
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

    private static List<String> cited(JsonNode received) {
        List<String> cited = new ArrayList<>(strings(received.get("chosenClauses")));
        strings(received.get("citedClauses")).stream().filter(c -> !cited.contains(c)).forEach(cited::add);
        return cited;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    static Date date(String iso) {
        return iso == null ? null : Date.from(Instant.parse(iso));
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
