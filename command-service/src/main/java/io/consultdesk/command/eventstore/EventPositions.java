package io.consultdesk.command.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The counter that hands out positions in the event log: a commit of n events reserves n consecutive
 * positions in one round trip. A position is never handed out twice — not by two writers (the counter is
 * incremented atomically, and its value before the increment is used: the embedded store returns duplicate
 * values for the value after), not across a restart that lost the counter (start-up probes above it).
 * {@link #next()} says which positions exist at all: every position below it was handed out.
 */
final class EventPositions {

    static final String COUNTER_ID = "events";
    private static final String NEXT = "next";
    private static final FindOneAndUpdateOptions BEFORE = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE);

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> events;

    EventPositions(MongoCollection<Document> counters, MongoCollection<Document> events) {
        this.counters = counters;
        this.events = events;
    }

    /** Creates the counter if absent and moves it above any position already written (a lost or restored counter). */
    void ensureAhead() {
        try {
            counters.insertOne(new Document("_id", COUNTER_ID).append(NEXT, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        long next = next();
        long highest = highestWrittenFrom(next);
        if (highest >= next) {
            counters.updateOne(new Document("_id", COUNTER_ID), new Document("$max", new Document(NEXT, highest + 1)));
        }
    }

    /** The first of {@code count} consecutive positions reserved for one commit. */
    long reserve(int count) {
        Document before = counters.findOneAndUpdate(new Document("_id", COUNTER_ID),
                new Document("$inc", new Document(NEXT, (long) count)), BEFORE);
        if (before == null) {
            throw new IllegalStateException("the event log's position counter is missing; the event store was not set up");
        }
        return before.get(NEXT, Number.class).longValue();
    }

    /** The first position not handed out yet. */
    long next() {
        Document counter = counters.find(new Document("_id", COUNTER_ID)).first();
        return counter == null ? 0 : counter.get(NEXT, Number.class).longValue();
    }

    /**
     * The highest position written at or above {@code from}, or {@code from - 1}: probes the next 64 positions
     * and then ever further ones (128, 256, … 2^24 above), by key, repeating above each hit.
     */
    private long highestWrittenFrom(long from) {
        long highest = from - 1;
        boolean found = true;
        while (found) {
            long base = highest + 1;
            List<Long> probes = new ArrayList<>();
            for (long p = base; p < base + 64; p++) {
                probes.add(p);
            }
            for (long step = 128; step <= (1L << 24); step <<= 1) {
                probes.add(base + step);
            }
            found = false;
            for (Document d : events.find(new Document("_id", new Document("$in", probes))).projection(Projections.include("_id"))) {
                long p = EventDocuments.position(d);
                if (p > highest) {
                    highest = p;
                    found = true;
                }
            }
        }
        return highest;
    }
}
