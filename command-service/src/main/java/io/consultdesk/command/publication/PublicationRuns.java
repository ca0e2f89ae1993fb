package io.consultdesk.command.publication;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.security.Roles;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The publications begun, one document per version keyed {@code <consultation>|<version>}: what was asked
 * (the request's items left out, heading, time and supervisor — what a resumed run needs to publish the
 * same version), how far it came and whether it completed. Written before the version's start is recorded,
 * so that no started publication is without one.
 */
@Component
public class PublicationRuns {

    private final MongoCollection<Document> runs;

    /** A publication as asked for, and the bound of its items. */
    record Run(String consultationId, int version, Set<String> leaveOut, String heading, Instant at, String by, long upTo) {
    }

    public PublicationRuns(MongoDatabase eventDatabase) {
        this.runs = eventDatabase.getCollection("table_publications");
    }

    static String key(String consultationId, int version) {
        return consultationId + "|" + version;
    }

    /** Records a run about to start; false when the version has one already (another publication of it). */
    boolean begin(Run run, int expectedRows) {
        try {
            runs.insertOne(new Document("_id", key(run.consultationId(), run.version()))
                    .append("consultationId", run.consultationId())
                    .append("version", run.version())
                    .append("leaveOut", new ArrayList<>(run.leaveOut()))
                    .append("heading", run.heading())
                    .append("at", Date.from(run.at()))
                    .append("by", run.by())
                    .append("upTo", run.upTo())
                    .append("expectedRows", expectedRows)
                    .append("rowsPublished", 0)
                    .append("state", PublicationProgress.STARTED));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void forget(String consultationId, int version) {
        runs.deleteOne(new Document("_id", key(consultationId, version)));
    }

    void progressed(String consultationId, int version, int rowsPublished) {
        set(consultationId, version, new Document("rowsPublished", rowsPublished));
    }

    /** {@code rowsPublished}: null when not known (a run found complete already). */
    void completed(String consultationId, int version, Integer rowsPublished) {
        Document fields = new Document("state", PublicationProgress.COMPLETED).append("problem", null);
        if (rowsPublished != null) {
            fields.append("rowsPublished", rowsPublished);
        }
        set(consultationId, version, fields);
    }

    void failed(String consultationId, int version, String problem) {
        set(consultationId, version, new Document("state", PublicationProgress.FAILED).append("problem", problem));
    }

    void resumed(String consultationId, int version) {
        set(consultationId, version, new Document("state", PublicationProgress.STARTED).append("problem", null));
    }

    private void set(String consultationId, int version, Document fields) {
        runs.updateOne(new Document("_id", key(consultationId, version)), new Document("$set", fields));
    }

    Optional<PublicationProgress> progress(String consultationId, int version) {
        return Optional.ofNullable(runs.find(new Document("_id", key(consultationId, version))).first())
                .map(d -> new PublicationProgress(consultationId, version, d.getString("state"), d.getInteger("expectedRows"),
                        d.getInteger("rowsPublished"), d.getDate("at").toInstant(), d.getString("problem")));
    }

    /**
     * The runs not completed (started, or stopped by an error), to resume. Read at start-up only: it reads the
     * whole collection, one small document per version ever published.
     */
    List<Run> unfinished() {
        List<Run> unfinished = new ArrayList<>();
        runs.find(new Document("state", new Document("$in", List.of(PublicationProgress.STARTED, PublicationProgress.FAILED))))
                .forEach(d -> unfinished.add(new Run(d.getString("consultationId"), d.getInteger("version"),
                        new HashSet<>(d.getList("leaveOut", String.class)), d.getString("heading"), d.getDate("at").toInstant(),
                        d.getString("by"), d.get("upTo", Number.class).longValue())));
        return unfinished;
    }

    /** The supervisor a resumed run acts as: the one who asked for it. */
    static Actor actor(Run run) {
        return new Actor(run.by(), "", Set.of(Roles.SUPERVISOR));
    }
}
