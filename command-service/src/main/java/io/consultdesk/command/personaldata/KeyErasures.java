package io.consultdesk.command.personaldata;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;

/**
 * Deleting a submitter's key until it is done. The key is noted as pending before the erasure is recorded,
 * deleted right after, and the note dropped; a deletion that fails (the store away, a crash) leaves the note,
 * and {@link #retryPending} deletes the key later — but only for an item whose erasure was recorded: a note
 * whose erasure never got recorded is dropped after {@link #ABANDONED_AFTER}, its key kept.
 */
public final class KeyErasures {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(KeyErasures.class);

    private final MongoCollection<Document> pending;
    private final PersonalDataVault vault;
    private final Clock clock;

    public KeyErasures(MongoDatabase database, PersonalDataVault vault, Clock clock) {
        this.pending = database.getCollection("pending_key_erasures");
        this.vault = vault;
        this.clock = clock;
    }

    /** Notes, before the erasure is recorded, that the key of this item is to be deleted. */
    public void notePending(String keyId, String submissionId) {
        pending.replaceOne(Filters.eq("_id", keyId), new Document("_id", keyId).append("submissionId", submissionId)
                .append("since", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
    }

    /** Deletes the key and its note; throws when the store refuses, leaving the note for a retry. */
    public void deleteNow(String keyId) {
        vault.erase(keyId);
        pending.deleteOne(Filters.eq("_id", keyId));
    }

    /** Keys still waiting for deletion. */
    public List<String> pendingKeys() {
        return pending.find().map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /**
     * Deletes every pending key whose item records its erasure; returns how many were deleted. A key whose
     * erasure is not recorded (the command failed after the note) stays, and its note goes once abandoned.
     */
    public int retryPending(Predicate<String> erasureRecorded) {
        int deleted = 0;
        for (Document note : pending.find().into(new ArrayList<>())) {
            String keyId = note.getString("_id");
            try {
                if (erasureRecorded.test(note.getString("submissionId"))) {
                    deleteNow(keyId);
                    deleted++;
                } else if (note.getDate("since").toInstant().plus(ABANDONED_AFTER).isBefore(clock.instant())) {
                    pending.deleteOne(Filters.eq("_id", keyId));
                }
            } catch (RuntimeException e) {
                log.warn("key {} of item {} still not deleted: {}", keyId, note.getString("submissionId"), e.getMessage());
            }
        }
        return deleted;
    }
}
