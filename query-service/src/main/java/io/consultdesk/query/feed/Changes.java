package io.consultdesk.query.feed;

import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one event changes in the views, as its projections record it. Nothing is written here: the feed merges
 * the changes of a batch and writes them with one command per collection (see {@link BatchApplier}).
 */
public final class Changes {

    private final EventEnvelope event;
    private final Map<String, Document> fields = new LinkedHashMap<>();
    private final Map<String, List<Document>> puts = new LinkedHashMap<>();
    private final Map<String, List<Document>> inserts = new LinkedHashMap<>();
    private final Map<String, List<Document>> additions = new LinkedHashMap<>();

    Changes(EventEnvelope event) {
        this.event = event;
    }

    public EventEnvelope event() {
        return event;
    }

    /**
     * Sets fields of the event's aggregate's own document in {@code collection} (the projection's
     * {@link Projection#documentPerAggregate()}); created by the aggregate's first event. Over a run of the
     * aggregate's events a later event's value of a field wins.
     */
    public Changes set(String collection, Document values) {
        fields.computeIfAbsent(collection, c -> new Document()).putAll(values);
        return this;
    }

    /**
     * Writes {@code document} whole under its {@code _id}, replacing what is there. For documents that depend on
     * this one event alone, so that whoever writes them writes the same.
     */
    public Changes put(String collection, Document document) {
        requireId(document);
        puts.computeIfAbsent(collection, c -> new ArrayList<>()).add(document);
        return this;
    }

    /** Inserts {@code document} under its {@code _id}; one already there (the event redelivered) is kept. */
    public Changes insert(String collection, Document document) {
        requireId(document);
        inserts.computeIfAbsent(collection, c -> new ArrayList<>()).add(document);
        return this;
    }

    /**
     * Adds {@code values} to the set in field {@code field} of the document {@code id} in {@code collection},
     * creating it with {@code created} (fields set only then) if it is not there. For documents that several
     * aggregates' events add to (a cluster of items): adding again what is there changes nothing, so a redelivered
     * event and writers in any order leave the same document.
     */
    public Changes addToSet(String collection, Object id, Document created, String field, List<?> values) {
        additions.computeIfAbsent(collection, c -> new ArrayList<>()).add(new Document("_id", id)
                .append("created", created).append("field", field).append("values", List.copyOf(values)));
        return this;
    }

    Map<String, Document> fields() {
        return fields;
    }

    Map<String, List<Document>> puts() {
        return puts;
    }

    Map<String, List<Document>> inserts() {
        return inserts;
    }

    /** Each addition as {@code {_id, created, field, values}}. */
    Map<String, List<Document>> additions() {
        return additions;
    }

    private static void requireId(Document document) {
        if (document.get("_id") == null) {
            throw new IllegalArgumentException("a document put or inserted needs its _id: " + document.keySet());
        }
    }
}
