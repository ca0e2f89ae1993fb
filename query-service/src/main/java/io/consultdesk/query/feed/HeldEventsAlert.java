package io.consultdesk.query.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the events held back for a missing predecessor. A hold normally lasts until the predecessor's
 * record, already behind it in the partition, is read; one that lasts means the predecessor never reached
 * the topic, and that is alerted: gauges {@code consultdesk.feed.held.events} and
 * {@code consultdesk.feed.held.oldest.seconds}, an error in the log, and the dashboard's feed figures.
 */
@Component
public class HeldEventsAlert {

    private static final Logger log = LoggerFactory.getLogger(HeldEventsAlert.class);

    private final HeldEvents order;
    private final Duration alertAfter;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public HeldEventsAlert(EventFeedListener listener, MeterRegistry registry,
                           @Value("${consultdesk.feed.held-alert-after:60s}") Duration alertAfter) {
        this.order = listener.heldEvents();
        this.alertAfter = alertAfter;
        Gauge.builder("consultdesk.feed.held.events", held, AtomicLong::get)
                .description("events waiting for an earlier event of their item").register(registry);
        Gauge.builder("consultdesk.feed.held.oldest.seconds", oldestSeconds, AtomicLong::get)
                .description("how long the longest-waiting held event has waited (alert when it grows)").register(registry);
    }

    @Scheduled(fixedDelayString = "${consultdesk.feed.lag-interval-ms:5000}", initialDelay = 3000)
    public void measure() {
        try {
            held.set(order.count());
            Duration oldest = order.oldestHeld();
            oldestSeconds.set(oldest.toSeconds());
            if (oldest.compareTo(alertAfter) > 0) {
                log.error("{} event(s) have waited up to {} s for an earlier event of their item that has not arrived; "
                        + "the relay may have passed it over (see the relay's reconciliation)", held.get(), oldest.toSeconds());
            }
        } catch (RuntimeException e) {
            log.debug("held events not measured: {}", e.getMessage());
        }
    }

    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", held.get());
        m.put("oldestSeconds", oldestSeconds.get());
        return m;
    }
}
