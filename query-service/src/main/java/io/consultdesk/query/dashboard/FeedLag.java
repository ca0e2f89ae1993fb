package io.consultdesk.query.dashboard;

import io.consultdesk.query.feed.EventFeedListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the read side is behind: events on the topics not yet applied (end offsets minus the consumer
 * group's committed offsets), measured every few seconds, exposed as the gauge {@code consultdesk.feed.lag}.
 */
@Component
public class FeedLag {

    private static final Logger log = LoggerFactory.getLogger(FeedLag.class);

    private final KafkaAdmin kafkaAdmin;
    private final String group;
    private final AtomicLong lag = new AtomicLong(-1);
    private volatile Instant measuredAt;
    private AdminClient admin;

    public FeedLag(KafkaAdmin kafkaAdmin, MeterRegistry registry,
                   @Value("${spring.kafka.consumer.group-id}") String group) {
        this.kafkaAdmin = kafkaAdmin;
        this.group = group;
        Gauge.builder("consultdesk.feed.lag", lag, AtomicLong::get)
                .description("events on the topics not yet applied by the read side (-1: not measured yet)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${consultdesk.feed.lag-interval-ms:5000}", initialDelay = 2000)
    public void measure() {
        try {
            if (admin == null) {
                admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(
                            EventFeedListener.SUBMISSIONS,
                            EventFeedListener.CONSULTATIONS))
                    .allTopicNames().get(5, TimeUnit.SECONDS)
                    .forEach((topic, description) -> description.partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            long behind = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                behind += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            lag.set(behind);
            measuredAt = Instant.now();
        } catch (Exception e) {
            log.debug("feed lag not measured: {}", e.getMessage());
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(lag.get(), measuredAt);
    }

    /** Events not yet applied (-1: not measured yet), and when that was measured. */
    public record Snapshot(long events, Instant measuredAt) {
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
