package io.consultdesk.query.feed;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every partition of some topics from their beginning, outside the feed's consumer group: nothing is
 * committed, so the live feed's position is untouched. What a rebuild of the views and a retry of dead letters
 * both need.
 */
public final class TopicScan implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    /**
     * Opens a scan of {@code topics} with the service's consumer settings, and {@code settings} over them (e.g.
     * how many records a poll may bring).
     */
    public TopicScan(KafkaProperties kafka, Map<String, Object> settings, List<String> topics) {
        Map<String, Object> props = kafka.buildConsumerProperties(null);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putAll(settings);
        consumer = new KafkaConsumer<>(props);
        try {
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    public Map<TopicPartition, Long> beginningOffsets() {
        return consumer.beginningOffsets(partitions);
    }

    /** The partitions' end offsets now: what was written up to this moment. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    /** Polls on until every partition has been read up to {@code end}, handing over what each poll brought. */
    public void readUntil(Map<TopicPartition, Long> end, Consumer<ConsumerRecords<String, String>> eachPoll) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            eachPoll.accept(consumer.poll(Duration.ofMillis(500)));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
