package io.consultdesk.query.feed;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** How far the read side has got: events applied, and the time of the last one (exposed as metrics). */
@Component
public class FeedProgress {

    private final AtomicLong applied = new AtomicLong();
    private final AtomicReference<Instant> lastEventAt = new AtomicReference<>();

    public FeedProgress(MeterRegistry registry) {
        registry.gauge("consultdesk.feed.events.applied", applied);
    }

    void applied(ConsumerRecord<String, String> record, EventEnvelope event) {
        applied.incrementAndGet();
        lastEventAt.set(event.occurredAt());
    }

    public long eventsApplied() {
        return applied.get();
    }

    public Instant lastEventAt() {
        return lastEventAt.get();
    }
}
