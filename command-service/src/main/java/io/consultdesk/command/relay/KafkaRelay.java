package io.consultdesk.command.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.command.publishedlanguage.PublishedJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored domain event to Kafka, in the order of the event log's positions (an event written
 * late into its position follows when it is there: the processor's gap-aware token remembers the position).
 * Sends are asynchronous within a batch; before the batch's token is stored, every send must have been
 * acknowledged by the broker (acks=all). A failed send fails the batch, which the processor retries:
 * events may be sent twice, never skipped.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING = KafkaRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json = PublishedJson.mapper();

    public KafkaRelay(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) throws Exception {
        if (!(message instanceof DomainEventMessage<?> event)) {
            return;
        }
        List<CompletableFuture<SendResult<String, String>>> pending = pendingSends();
        pending.add(send(event));
        // The processor stores its token in the batch's prepare-commit phase, through a handler it registers
        // before ours: waiting only there would let a crash between the two lose the batch. So the wait
        // happens here, on the batch's last event, before the commit begins.
        if (CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
            awaitAll(pending);
        }
    }

    /** Sends one event to its topic, keyed by its aggregate so that an item's events stay in one partition. */
    CompletableFuture<SendResult<String, String>> send(DomainEventMessage<?> event) {
        try {
            return kafka.send(new ProducerRecord<>(EventTopics.topicFor(event.getType()),
                    event.getAggregateIdentifier(), json.writeValueAsString(EventEnvelope.of(event))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.getIdentifier() + " cannot be written as JSON", e);
        }
    }

    /** The sends of the current batch; the first call in a batch also registers a wait before commit, as a safety net. */
    private List<CompletableFuture<SendResult<String, String>>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<SendResult<String, String>>> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
    }

    static void awaitAll(List<CompletableFuture<SendResult<String, String>>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailed("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayFailed("Kafka did not confirm a batch of " + pending.size() + " events; it will be sent again", e);
        }
    }

    /** The batch could not be confirmed by Kafka; its token is not advanced. */
    public static class RelayFailed extends RuntimeException {
        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
