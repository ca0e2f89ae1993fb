package io.consultdesk.command.publication;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.consultdesk.command.submission.SubmissionReceived;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which items belong to which consultation, each with its arrival number there: the one set-based question
 * the write side must answer (to publish a table), answered by key. Each item is a document keyed
 * {@code <consultation>|<arrival, zero-padded>}; the numbers come from a counter per consultation, reserved a
 * block at a time ({@code $inc} by {@value #BLOCK}, value before), so receipt costs one insert and, once per
 * block, one counter update. A walk reads the counter and then the keys up to it, {@value #PAGE} at a time by
 * {@code _id $in}: an index lookup on every store, however many items. Numbers of a block this instance
 * reserved and never used (it stopped) are gaps the walk passes over.
 * <p>
 * Kept by a subscribing processor, i.e. in the receipt's own unit of work: an item is listed before its
 * receipt is acknowledged. If that unit of work rolls back, the entry is removed again; only a crash between
 * the two leaves an entry whose receipt was never stored (skipped by whoever reads it: the item does not
 * exist) or, after the same receipt is sent again, a second entry of one item (readers keep its first).
 */
@Component
@ProcessingGroup(ConsultationItems.PROCESSING_GROUP)
public class ConsultationItems {

    public static final String PROCESSING_GROUP = "consultation-items";
    /** Arrival numbers reserved per counter update. */
    static final int BLOCK = 1_000;
    /** Keys read per round trip of a walk. */
    static final int PAGE = 1_000;
    /** Marks a store whose entries of earlier releases have been numbered (see {@link #numberEarlierEntries}). */
    static final String NUMBERED = "#numbered";

    private static final Logger log = LoggerFactory.getLogger(ConsultationItems.class);

    private final MongoCollection<Document> items;
    private final MongoCollection<Document> counters;
    private final Map<String, Block> blocks = new HashMap<>();

    /** One item of a consultation as a walk hands it over. */
    public record Arrival(long number, String submissionId, long receivedAtMillis) {
    }

    /** Numbers reserved by this instance and not handed out yet: {@code next} up to {@code end}, exclusive. */
    private static final class Block {
        long next;
        long end;
    }

    public ConsultationItems(MongoDatabase eventDatabase) {
        this.items = eventDatabase.getCollection("consultation_items");
        this.counters = eventDatabase.getCollection("consultation_item_counters");
        numberEarlierEntries();
    }

    @EventHandler
    public void on(SubmissionReceived event) {
        String key = key(event.consultationId(), reserve(event.consultationId()));
        items.insertOne(new Document("_id", key)
                .append("submissionId", event.submissionId())
                .append("receivedAt", Date.from(event.receivedAt())));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().onRollback(u -> items.deleteOne(new Document("_id", key)));
        }
    }

    /**
     * The highest arrival number reserved in the consultation so far (by any instance; numbers of a block not
     * yet handed out are gaps until they are); 0 for none.
     */
    public long lastArrival(String consultationId) {
        Document counter = counters.find(new Document("_id", consultationId)).first();
        return counter == null ? 0 : counter.get("next", Number.class).longValue() - 1;
    }

    /**
     * Hands the consultation's items numbered 1 to {@code upTo} to {@code page}, in arrival order, a page of up
     * to {@value #PAGE} at a time (only {@code _id $in} lookups).
     */
    public void walk(String consultationId, long upTo, Consumer<List<Arrival>> page) {
        for (long first = 1; first <= upTo; first += PAGE) {
            long last = Math.min(upTo, first + PAGE - 1);
            List<String> keys = new ArrayList<>((int) (last - first + 1));
            for (long n = first; n <= last; n++) {
                keys.add(key(consultationId, n));
            }
            List<Arrival> found = new ArrayList<>(keys.size());
            items.find(new Document("_id", new Document("$in", keys))).batchSize(PAGE)
                    .forEach(d -> found.add(new Arrival(number(d.getString("_id")), d.getString("submissionId"),
                            d.getDate("receivedAt").getTime())));
            found.sort((a, b) -> Long.compare(a.number(), b.number()));
            if (!found.isEmpty()) {
                page.accept(found);
            }
        }
    }

    /** The consultation's item ids in arrival order (each once): for small consultations and tests. */
    public List<String> inArrivalOrder(String consultationId) {
        Set<String> ids = new LinkedHashSet<>();
        walk(consultationId, lastArrival(consultationId), page -> page.forEach(a -> ids.add(a.submissionId())));
        return List.copyOf(ids);
    }

    private synchronized long reserve(String consultationId) {
        Block block = blocks.computeIfAbsent(consultationId, c -> new Block());
        if (block.next >= block.end) {
            ensureCounter(consultationId);
            Document before = counters.findOneAndUpdate(new Document("_id", consultationId),
                    new Document("$inc", new Document("next", (long) BLOCK)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
            block.next = before.get("next", Number.class).longValue();
            block.end = block.next + BLOCK;
        }
        return block.next++;
    }

    /** Creates the counter at 1 unless it exists: an upsert by {@code $inc} would hand out nothing as its value before. */
    private void ensureCounter(String consultationId) {
        ensureCounter(consultationId, 1);
    }

    private void ensureCounter(String consultationId, long next) {
        try {
            counters.insertOne(new Document("_id", consultationId).append("next", next));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    static String key(String consultationId, long arrival) {
        return consultationId + "|" + String.format("%012d", arrival);
    }

    private static long number(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
    }

    /**
     * Earlier releases kept one entry per item keyed by its submission id, with its consultation and time of
     * receipt, and no number. They are numbered once, when a service first starts on such a store: per
     * consultation in the order those releases published in (time of receipt, then id), each written under
     * its key, then the consultation's counter set past them, then the old entries deleted. The order is fixed,
     * so a start interrupted halfway writes the same keys again on the next start (an insert of a key already
     * there is ignored); the store is marked once all are done, after which a start costs one lookup.
     */
    private void numberEarlierEntries() {
        if (items.find(new Document("_id", NUMBERED)).first() != null) {
            return;
        }
        Set<String> consultations = new LinkedHashSet<>();
        items.find(new Document("consultationId", new Document("$exists", true)))
                .projection(Projections.include("consultationId"))
                .forEach(d -> consultations.add(d.getString("consultationId")));
        for (String consultationId : consultations) {
            long n = 0;
            List<Document> numbered = new ArrayList<>();
            List<Object> earlier = new ArrayList<>();
            for (Document d : items.find(new Document("consultationId", consultationId))
                    .sort(Sorts.ascending("receivedAt", "_id"))) {
                numbered.add(new Document("_id", key(consultationId, ++n)).append("submissionId", d.getString("_id"))
                        .append("receivedAt", d.getDate("receivedAt")));
                earlier.add(d.get("_id"));
                if (numbered.size() == PAGE) {
                    insertIgnoringPresent(numbered);
                }
            }
            insertIgnoringPresent(numbered);
            ensureCounter(consultationId, n + 1);
            counters.updateOne(new Document("_id", consultationId), new Document("$set", new Document("next", n + 1)));
            for (int i = 0; i < earlier.size(); i += PAGE) {
                items.deleteMany(new Document("_id", new Document("$in", earlier.subList(i, Math.min(earlier.size(), i + PAGE)))));
            }
            log.info("numbered the {} items of consultation {} kept by an earlier release", n, consultationId);
        }
        // several instances starting together each get here: the mark is written once, by whichever is first
        insertIgnoringPresent(new ArrayList<>(List.of(new Document("_id", NUMBERED))));
    }

    private void insertIgnoringPresent(List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            items.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
        documents.clear();
    }
}
