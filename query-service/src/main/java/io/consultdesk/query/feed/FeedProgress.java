package io.consultdesk.query.feed;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/** How many events the read side has applied since start, exposed as a metric. */
@Component
public class FeedProgress {

    private final AtomicLong applied = new AtomicLong();

    public FeedProgress(MeterRegistry registry) {
        registry.gauge("consultdesk.feed.events.applied", applied);
    }

    void applied(int events) {
        applied.addAndGet(events);
    }
}
