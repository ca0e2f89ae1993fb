package io.consultdesk.query.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The generation of views that queries read and the live feed writes. It is recorded in the database
 * ({@code view_generations}), so a restart — and every other instance, by {@link #refresh()} — serves the
 * generation a replay switched to.
 */
@Component
public class LiveViews implements Views {

    private static final String POINTER = "view_generations";

    private final MongoDatabase database;
    private volatile String generation;

    public LiveViews(MongoDatabase viewsDatabase) {
        this.database = viewsDatabase;
        this.generation = recorded();
    }

    private String recorded() {
        Document current = database.getCollection(POINTER).find(Filters.eq("_id", "current")).first();
        return current == null ? "g1" : current.getString("generation");
    }

    /**
     * Reads the live generation again: a replay run by another instance of query-service switches it in the
     * database. One key lookup; done after every batch of the feed and every few seconds for the readers.
     */
    @Scheduled(fixedDelayString = "${consultdesk.views.refresh-interval:2s}")
    public String refresh() {
        String recorded = recorded();
        if (!recorded.equals(generation)) {
            synchronized (this) {
                generation = recorded;
            }
        }
        return generation;
    }

    @Override
    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name + "_" + generation);
    }

    @Override
    public String generation() {
        return generation;
    }

    /** Views of another generation, e.g. the one a replay is building. */
    public Views of(String otherGeneration) {
        return new Views() {
            @Override
            public MongoCollection<Document> collection(String name) {
                return database.getCollection(name + "_" + otherGeneration);
            }

            @Override
            public String generation() {
                return otherGeneration;
            }
        };
    }

    /** The next unused generation name. */
    public String nextGeneration() {
        return "g" + (Integer.parseInt(generation.substring(1)) + 1);
    }

    /** Makes {@code next} the live generation, for readers and the feed alike. */
    public synchronized void switchTo(String next) {
        database.getCollection(POINTER).replaceOne(Filters.eq("_id", "current"),
                new Document("_id", "current").append("generation", next).append("previous", generation),
                new ReplaceOptions().upsert(true));
        generation = next;
    }

    /** Drops every collection of a generation no longer live. */
    public void drop(String oldGeneration) {
        if (oldGeneration.equals(generation)) {
            throw new IllegalArgumentException("generation " + oldGeneration + " is live");
        }
        for (String name : database.listCollectionNames()) {
            if (name.endsWith("_" + oldGeneration)) {
                database.getCollection(name).drop();
            }
        }
    }

    public MongoDatabase database() {
        return database;
    }
}
