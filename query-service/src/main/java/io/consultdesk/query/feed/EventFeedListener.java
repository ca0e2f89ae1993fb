package io.consultdesk.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads the event topics in batches and applies each event to every projection that wants it. The batch's
 * offsets are committed by the container only after this method returns, i.e. after every write.
 */
@Component
public class EventFeedListener {

    public static final String SUBMISSIONS = "consultdesk.submissions.v1";
    public static final String CONSULTATIONS = "consultdesk.consultations.v1";
    private static final Logger log = LoggerFactory.getLogger(EventFeedListener.class);

    private final ItemOrder order;
    private final ObjectMapper json;
    private final FeedProgress progress;
    private final DeadLetters deadLetters;

    public EventFeedListener(LiveViews views, Projections projections, ObjectMapper json, FeedProgress progress,
                             DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.order = new ItemOrder(views, projections, json);
        this.json = json;
        this.progress = progress;
    }

    @KafkaListener(id = "projections", idIsGroup = false, topics = {CONSULTATIONS, SUBMISSIONS}, batch = "true")
    public void onBatch(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            if (deadLetters.isParked(record.key())) {
                deadLetters.park(record, "waiting behind an earlier event of this item that could not be applied");
                continue;
            }
            try {
                EventEnvelope event = parse(json, record);
                progress.applied(order.apply(event, record.value()));
            } catch (RuntimeException e) {
                if (DeadLetters.isTransient(e)) {
                    throw e; // the whole batch is retried: nothing is skipped
                }
                deadLetters.park(record, e);
            }
        }
    }

    /** Applies events in each item's order; also tells how many wait for a predecessor. */
    public ItemOrder itemOrder() {
        return order;
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
