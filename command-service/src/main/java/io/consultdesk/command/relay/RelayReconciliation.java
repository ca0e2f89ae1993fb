package io.consultdesk.command.relay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The relay's safety net for its known weak spot. The event store's tracking token looks back a fixed
 * time window: an event stored later than that after its own timestamp (a long pause between a command's
 * timestamp and its commit) is passed over. Every so often this compares, second by second of timestamps
 * old enough to have settled, the ids in the event store with the ids the relay confirmed
 * ({@link RelayLedger}), and sends the missing ones. Kafka may then hold an event twice; the read side
 * absorbs that. Each one found is logged and counted ({@code consultdesk.relay.reconciled}): it should stay 0, apart from the
 * few events of a batch whose ledger record a crash prevented.
 * <p>
 * Covers events stored up to {@code settle} after their timestamp, and only seconds the relay has moved a
 * look-back window past; reconciliation starts at the time the ledger is first created (history before it
 * was relayed without one).
 */
@Component
public class RelayReconciliation {

    private static final Logger log = LoggerFactory.getLogger(RelayReconciliation.class);
    private static final long CHUNK_SECONDS = 60;

    private final RelayLedger ledger;
    private final MongoCollection<Document> events;
    private final EventStore eventStore;
    private final KafkaRelay relay;
    private final Duration settle;
    private final Duration lookBack;
    private final Counter reconciled;

    public RelayReconciliation(RelayLedger ledger, MongoTemplate eventStoreTemplate, EventStore eventStore, KafkaRelay relay,
                               MeterRegistry registry,
                               @Value("${consultdesk.relay.reconcile-settle:60s}") Duration settle,
                               @Value("${consultdesk.event-store.look-back-time:10s}") Duration lookBack) {
        this.lookBack = lookBack;
        this.ledger = ledger;
        this.events = eventStoreTemplate.eventCollection();
        this.eventStore = eventStore;
        this.relay = relay;
        this.settle = settle;
        this.reconciled = Counter.builder("consultdesk.relay.reconciled")
                .description("events the relay had passed over and reconciliation sent (alert when it rises)").register(registry);
    }

    @Scheduled(fixedDelayString = "${consultdesk.relay.reconcile-interval:15s}", initialDelayString = "${consultdesk.relay.reconcile-interval:15s}")
    public void reconcile() {
        try {
            // only seconds the relay has left behind: a relay working through a backlog has not missed what it
            // has yet to reach (and on a node whose relay is not running, there is nothing to reconcile)
            Instant relayed = relay.relayedUpTo().orElse(null);
            if (relayed == null) {
                return;
            }
            long upTo = Math.min(Instant.now().minus(settle).getEpochSecond(),
                    relayed.minus(lookBack).getEpochSecond() - 1);
            Long next = ledger.cursor();
            if (next == null) {
                ledger.setCursor(upTo);
                return;
            }
            while (next < upTo) {
                long to = Math.min(upTo, next + CHUNK_SECONDS);
                reconcile(next, to);
                next = to;
            }
        } catch (RuntimeException e) {
            log.warn("relay reconciliation postponed: {}", e.getMessage());
        }
    }

    private void reconcile(long from, long to) {
        Set<String> confirmed = ledger.relayed(from, to);
        List<Document> stored = events.find(Filters.and(
                        Filters.gte("timestamp", DateTimeUtils.formatInstant(Instant.ofEpochSecond(from))),
                        Filters.lt("timestamp", DateTimeUtils.formatInstant(Instant.ofEpochSecond(to)))))
                .projection(Projections.include("eventIdentifier", "aggregateIdentifier", "sequenceNumber"))
                .into(new ArrayList<>());
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        for (Document d : stored) {
            if (!confirmed.contains(d.getString("eventIdentifier"))) {
                DomainEventMessage<?> missed = read(d.getString("aggregateIdentifier"), d.get("sequenceNumber", Number.class).longValue());
                log.warn("event {} of {} is in the store but not in the relay's ledger (stored after the look-back window, "
                                + "or its batch's record lost in a crash): sending it now",
                        missed.getSequenceNumber(), missed.getAggregateIdentifier());
                sends.add(relay.send(missed));
            }
        }
        KafkaRelay.awaitAll(sends);
        reconciled.increment(sends.size());
        ledger.reconciled(from, to);
    }

    private DomainEventMessage<?> read(String aggregateId, long sequence) {
        return eventStore.readEvents(aggregateId, sequence).asStream()
                .filter(e -> e.getSequenceNumber() == sequence)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("event " + sequence + " of " + aggregateId + " not readable"));
    }
}
