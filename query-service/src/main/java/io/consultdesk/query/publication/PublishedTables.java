package io.consultdesk.query.publication;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.consultdesk.query.feed.LiveViews;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads published versions and streams their rows in 序号 order. */
@Component
public class PublishedTables {

    private final LiveViews views;

    public PublishedTables(LiveViews views) {
        this.views = views;
    }

    private MongoCollection<Document> rows() {
        return views.collection(PublishedTableProjection.ROWS);
    }

    private MongoCollection<Document> tables() {
        return views.collection(PublishedTableProjection.TABLES);
    }

    /** The version that was the latest at {@code asOf}: the table as the public saw it then. */
    public Optional<TableVersion> asOf(String consultationId, Instant asOf) {
        Document doc = tables().find(Filters.and(Filters.eq("consultationId", consultationId),
                Filters.lte("publishedAt", Date.from(asOf)))).sort(Sorts.descending("version")).first();
        return Optional.ofNullable(doc).map(PublishedTables::toVersion);
    }

    /** The given version, or the latest when {@code version} is null. */
    public Optional<TableVersion> find(String consultationId, Integer version) {
        Document doc = version == null
                ? tables().find(Filters.eq("consultationId", consultationId)).sort(Sorts.descending("version")).first()
                : tables().find(Filters.eq("_id", consultationId + "|" + version)).first();
        return Optional.ofNullable(doc).map(PublishedTables::toVersion);
    }

    public List<TableVersion> versions(String consultationId) {
        List<TableVersion> versions = new ArrayList<>();
        tables().find(Filters.eq("consultationId", consultationId)).sort(Sorts.ascending("version"))
                .forEach(d -> versions.add(toVersion(d)));
        return versions;
    }

    /** How many of the version's rows the read side has received so far. */
    public long rowsArrived(TableVersion table) {
        return rows().countDocuments(Filters.and(Filters.eq("consultationId", table.consultationId()),
                Filters.eq("version", table.version())));
    }

    public void forEachRow(TableVersion table, Consumer<PublishedRow> sink) {
        try (MongoCursor<Document> cursor = rows().find(Filters.and(Filters.eq("consultationId", table.consultationId()),
                        Filters.eq("version", table.version())))
                .sort(Sorts.ascending("rowNumber")).batchSize(1_000).iterator()) {
            while (cursor.hasNext()) {
                Document d = cursor.next();
                sink.accept(new PublishedRow(d.getInteger("rowNumber"), d.getString("submissionId"), d.getString("submitter"),
                        d.getString("opinion"), d.getString("decision"), d.getString("outcome")));
            }
        }
    }


    private static TableVersion toVersion(Document d) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        Document t = d.get("totals", Document.class);
        if (t != null) {
            // a word no row uses is no total (tables published by earlier releases listed every word of the vocabulary)
            t.forEach((k, v) -> {
                if (((Number) v).intValue() != 0) {
                    totals.put(k, ((Number) v).intValue());
                }
            });
        }
        return new TableVersion(d.getString("consultationId"), d.getInteger("version"), d.getString("heading"),
                d.getDate("publishedAt").toInstant(), totals, d.getInteger("rowCount"));
    }
}
