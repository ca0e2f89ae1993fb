package io.consultdesk.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/admin/dead-letters}: the parked items; {@code POST /api/admin/dead-letters/retry}: after a
 * fix, re-applies every dead-lettered event of each parked item in order; an item whose events all apply
 * is released, one that fails again stays parked.
 */
@RestController
public class DeadLetterRetry {

    private final DeadLetters deadLetters;
    private final BatchApplier applier;
    private final KafkaProperties kafka;
    private final ObjectMapper json;

    public DeadLetterRetry(DeadLetters deadLetters, EventFeedListener feed, KafkaProperties kafka, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.applier = feed.applier();
        this.kafka = kafka;
        this.json = json;
    }

    @GetMapping("/api/admin/dead-letters")
    public List<Document> parked() {
        return deadLetters.parkedItems();
    }

    @PostMapping("/api/admin/dead-letters/retry")
    public synchronized ResponseEntity<Map<String, Object>> retry() {
        Set<String> failing = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<BatchApplier.Delivered> parkedEvents = new ArrayList<>();
        try (TopicScan scan = new TopicScan(kafka, Map.of(), List.of(DeadLetters.TOPIC))) {
            scan.readUntil(scan.endOffsets(), records -> {
                for (ConsumerRecord<String, String> record : records) {
                    String key = record.key();
                    if (!deadLetters.isParked(key) || failing.contains(key)) {
                        continue;
                    }
                    seen.add(key);
                    try {
                        parkedEvents.add(BatchApplier.Delivered.of(record, EventFeedListener.parse(json, record)));
                    } catch (RuntimeException e) {
                        failing.add(key); // still unreadable: the item's later events stay where they are
                    }
                }
            });
        }
        // the events of an item still unreadable further on are applied up to there, as the live feed would
        BatchApplier.Outcome outcome = applier.apply(parkedEvents);
        outcome.refused().forEach(r -> failing.add(r.delivered().key()));
        int applied = outcome.applied();
        Set<String> released = new HashSet<>(seen);
        released.removeAll(failing);
        released.forEach(deadLetters::unpark);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("eventsApplied", applied);
        result.put("released", released);
        result.put("stillParked", failing);
        return ResponseEntity.ok(result);
    }
}
