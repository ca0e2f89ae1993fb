package io.consultdesk.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the event topics in batches (both topics, one listener) and applies each batch with the
 * {@link BatchApplier}: a few commands per batch, whatever its size. The batch's offsets are committed by the
 * container only after this method returns, i.e. after every write, every hold and every dead letter.
 */
@Component
public class EventFeedListener {

    public static final String SUBMISSIONS = "consultdesk.submissions.v1";
    public static final String CONSULTATIONS = "consultdesk.consultations.v1";
    private static final Logger log = LoggerFactory.getLogger(EventFeedListener.class);

    private final LiveViews views;
    private final BatchApplier applier;
    private final ObjectMapper json;
    private final FeedProgress progress;
    private final DeadLetters deadLetters;

    public EventFeedListener(LiveViews views, Projections projections, ObjectMapper json, FeedProgress progress,
                             DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.views = views;
        this.applier = new BatchApplier(views, projections, json);
        this.json = json;
        this.progress = progress;
    }

    @KafkaListener(id = "projections", idIsGroup = false, topics = {CONSULTATIONS, SUBMISSIONS}, batch = "true")
    public void onBatch(List<ConsumerRecord<String, String>> records) {
        List<BatchApplier.Delivered> readable = new ArrayList<>();
        Map<ConsumerRecord<String, String>, RuntimeException> unreadable = new LinkedHashMap<>();
        Set<String> stopped = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            if (deadLetters.isParked(record.key()) || stopped.contains(record.key())) {
                unreadable.put(record, null); // follows its item's earlier event to the dead-letter topic
                continue;
            }
            try {
                readable.add(BatchApplier.Delivered.of(record, parse(json, record)));
            } catch (RuntimeException e) {
                unreadable.put(record, e);
                if (record.key() != null) {
                    stopped.add(record.key());
                }
            }
        }
        // a failure of the store propagates: the whole batch is retried, nothing is skipped
        String generation = views.generation();
        BatchApplier.Outcome outcome = applier.apply(readable);
        if (!views.refresh().equals(generation)) {
            // a replay on another instance switched the live generation while this batch was written to the old
            // one: it goes to the new one too (applying is idempotent) before its offsets are committed
            applier.apply(readable);
        }
        progress.applied(outcome.applied());
        // dead letters only after the writes: parked first, a crash would send the item's earlier events of this
        // batch, not yet applied, to the dead-letter topic on redelivery. An item's refused events all precede
        // its unreadable ones in the batch (the applier got none of the item's events after the first unreadable).
        outcome.refused().forEach(deadLetters::park);
        unreadable.forEach((record, failure) -> {
            if (failure == null) {
                deadLetters.park(record, BatchApplier.BEHIND);
            } else {
                deadLetters.park(record, failure);
            }
        });
    }

    /** The events held back for a missing predecessor. */
    public HeldEvents heldEvents() {
        return applier.heldEvents();
    }

    /** The applier of the live views, shared by whatever else applies to them (the dead-letter retry). */
    public BatchApplier applier() {
        return applier;
    }

    /**
     * The envelope of a record; an unreadable one fails with {@link UnreadableEvent}, one of a type or version
     * this reader does not know with {@link PublishedLanguage.UnknownEventType}.
     */
    public static EventEnvelope parse(ObjectMapper json, ConsumerRecord<String, String> record) {
        try {
            return PublishedLanguage.requireKnown(json.readValue(record.value(), EventEnvelope.class));
        } catch (JsonProcessingException e) {
            log.error("unreadable event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getOriginalMessage());
            throw new UnreadableEvent(record, e);
        }
    }

    /** A record whose value is not an event envelope. */
    public static class UnreadableEvent extends RuntimeException {
        public UnreadableEvent(ConsumerRecord<String, String> record, Exception cause) {
            super("record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " is not an event envelope", cause);
        }
    }
}
