package io.consultdesk.query.publication;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.consultdesk.query.feed.LiveViews;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Reads published versions and streams their rows in 序号 order. */
@Component
public class PublishedTables {

    /** Rows read per round trip when a table is streamed. */
    private static final int PAGE = 1_000;

    private final LiveViews views;
    private final Set<String> completeVersions = ConcurrentHashMap.newKeySet();

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

    /**
     * Whether every row of the version has reached the read side (its TablePublished may come before its rows).
     * A complete version stays complete, so only the first ask counts rows (a scan on the development store);
     * later ones are answered from memory.
     */
    public boolean complete(TableVersion table) {
        String key = views.generation() + "|" + table.consultationId() + "|" + table.version();
        if (completeVersions.contains(key)) {
            return true;
        }
        boolean complete = rowsArrived(table) >= table.rowCount();
        if (complete) {
            completeVersions.add(key);
        }
        return complete;
    }

    /**
     * How many of the version's rows the read side has received so far, counted by key as {@link #forEachRow}
     * reads them (their numbers only): a store count would make the development store read every published row
     * into memory.
     */
    public long rowsArrived(TableVersion table) {
        return walk(table, Projections.include("rowNumber"), row -> { });
    }

    /** The version's rows in 序号 order, read by key (see {@link #walk}). */
    public void forEachRow(TableVersion table, Consumer<PublishedRow> sink) {
        walk(table, null, d -> sink.accept(row(d)));
    }

    /**
     * Hands the version's row documents to {@code sink} in 序号 order and says how many there were. Each row's
     * {@code _id} is its table's id and its 序号, so each read is {@code _id $in} the next {@value #PAGE} numbers —
     * an index lookup on every store, however large the table, never a sort. 序号 run from 1 without gaps, except
     * where a table imported as published kept its own (a withdrawn row leaves a gap): the walk goes on until it
     * has every row, and past {@link #walkLimit} numbers leaves the rest (kept 序号 far above the row count) to one
     * sorted query.
     *
     * @param fields the fields to read ({@code rowNumber} among them), or null for the whole row
     */
    private long walk(TableVersion table, Bson fields, Consumer<Document> sink) {
        MongoCollection<Document> rows = rows();
        long seen = 0;
        int limit = walkLimit(table.rowCount());
        int last = 0;
        for (int first = 1; seen < table.rowCount() && first <= limit; first += PAGE) {
            last = Math.min(limit, first + PAGE - 1);
            List<String> keys = new ArrayList<>(last - first + 1);
            for (int n = first; n <= last; n++) {
                keys.add(PublishedTableProjection.rowId(table.consultationId(), table.version(), n));
            }
            Map<Integer, Document> page = new TreeMap<>();
            rows.find(Filters.in("_id", keys)).projection(fields).batchSize(PAGE).forEach(d -> page.put(d.getInteger("rowNumber"), d));
            page.values().forEach(sink);
            seen += page.size();
        }
        if (seen < table.rowCount()) {
            for (Document d : rows.find(Filters.and(Filters.eq("consultationId", table.consultationId()),
                            Filters.eq("version", table.version()), Filters.gt("rowNumber", last)))
                    .projection(fields).sort(Sorts.ascending("rowNumber")).batchSize(PAGE)) {
                sink.accept(d);
                seen++;
            }
        }
        return seen;
    }

    /** How far the walk by key goes: twice the rows and a thousand (gaps are rows left out of a kept numbering). */
    static int walkLimit(int rowCount) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * rowCount + 1_000);
    }

    private static PublishedRow row(Document d) {
        return new PublishedRow(d.getInteger("rowNumber"), d.getString("submissionId"), d.getString("submitter"),
                d.getString("opinion"), d.getString("decision"), d.getString("outcome"));
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
