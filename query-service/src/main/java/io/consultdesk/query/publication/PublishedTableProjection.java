package io.consultdesk.query.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import io.consultdesk.query.feed.Changes;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.Projection;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.feed.Views;
import io.consultdesk.query.submission.OutcomeClasses;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published rows (from each item's SubmissionPublished) and published versions (from TablePublished).
 * Both are immutable records keyed by consultation, version and row, each made from one event alone: they
 * carry no sequence of their own, and whoever writes one (twice, or two writers at once) writes the same
 * document. So they are put whole by {@code _id}, in one bulk write per batch, without a compare-and-set.
 */
public class PublishedTableProjection implements Projection {

    private final Views views;

    public static final String ROWS = "published_rows";
    public static final String TABLES = "published_tables";


    public PublishedTableProjection(Views views) {
        this.views = views;
        rows().createIndex(Indexes.ascending("consultationId", "version", "rowNumber"));
        tables().createIndex(Indexes.ascending("consultationId", "version"));
    }

    @Override
    public boolean accepts(EventEnvelope event) {
        return "SubmissionPublished".equals(event.type()) || "TablePublished".equals(event.type());
    }

    /** A published row's key: its table version's and its 序号 (which {@link PublishedTables} reads by). */
    static String rowId(String consultationId, int version, int rowNumber) {
        return consultationId + "|" + version + "|" + rowNumber;
    }

    @Override
    public void apply(EventEnvelope e, Changes changes) {
        JsonNode p = e.payload();
        String consultationId = e.text("consultationId");
        int version = p.path("tableVersion").asInt(p.path("version").asInt());
        Date publishedAt = Date.from(Instant.parse(e.text("publishedAt")));
        if ("SubmissionPublished".equals(e.type())) {
            int rowNumber = p.path("rowNumber").asInt();
            changes.put(ROWS, new Document("_id", rowId(consultationId, version, rowNumber))
                    .append("consultationId", consultationId)
                    .append("version", version)
                    .append("rowNumber", rowNumber)
                    .append("submissionId", e.aggregateId())
                    .append("submitter", e.text("submitterPublicName"))
                    .append("opinion", e.text("opinion"))
                    .append("outcome", e.text("outcome"))
                    .append("decision", e.text("decisionText"))
                    .append("publishedAt", publishedAt));
        } else {
            String id = consultationId + "|" + version;
            Map<String, Object> totals = new LinkedHashMap<>();
            p.path("totals").fields().forEachRemaining(t -> totals.put(t.getKey(), t.getValue().asInt()));
            List<String> leftOut = new ArrayList<>();
            p.path("leftOut").forEach(x -> leftOut.add(x.asText()));
            // version 1 named every item left out; version 2 counts them and names the first ones
            int leftOutCount = "1".equals(e.version()) ? leftOut.size() : p.path("leftOutCount").asInt();
            changes.put(TABLES, new Document("_id", id)
                    .append("consultationId", consultationId)
                    .append("version", version)
                    .append("heading", e.text("heading"))
                    .append("rowCount", p.path("rowCount").asInt())
                    .append("totals", new Document(totals))
                    .append("leftOutCount", leftOutCount)
                    .append("leftOut", leftOut)
                    .append("outcomeClasses", outcomeClasses(p.path("outcomeClasses"), totals))
                    .append("publishedAt", publishedAt)
                    .append("publishedBy", e.actor()));
        }
    }

    /** Each total's class as the event records it, else as the default words have it (tables published before classes). */
    private static Document outcomeClasses(JsonNode recorded, Map<String, Object> totals) {
        Document classes = new Document();
        totals.keySet().forEach(w -> classes.append(w, OutcomeClasses.of(w, recorded.path(w).asText(null))));
        return classes;
    }

    /** Resolved on every use: after a replay switches generations, the live feed writes to the new one. */
    private MongoCollection<Document> rows() {
        return views.collection(ROWS);
    }

    /** Resolved on every use: after a replay switches generations, the live feed writes to the new one. */
    private MongoCollection<Document> tables() {
        return views.collection(TABLES);
    }

    /** Registers this projection with the feed, for every generation of views. */
    @Component
    @Order(3)
    public static class Registration implements Projections.Registration {
        @Override
        public Projection forViews(Views views) {
            return new PublishedTableProjection(views);
        }
    }
}
