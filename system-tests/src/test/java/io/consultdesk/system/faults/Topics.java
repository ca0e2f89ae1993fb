package io.consultdesk.system.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** What the broker says: who in a consumer group holds which partitions, and what a topic holds by key. */
final class Topics implements AutoCloseable {

    static final String SUBMISSIONS = "consultdesk.submissions.v1";
    static final String QUERY_GROUP = "consultdesk-query";

    private final String bootstrap;
    private final Admin admin;

    Topics(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** The partitions of the submissions topic each live member of the query group holds, by the member's host and client id. */
    Map<String, Set<Integer>> submissionPartitionsByMember() {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(QUERY_GROUP))
                    .describedGroups().get(QUERY_GROUP).get(10, TimeUnit.SECONDS);
            Map<String, Set<Integer>> byMember = new TreeMap<>();
            for (MemberDescription member : group.members()) {
                Set<Integer> partitions = new TreeSet<>();
                member.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals(SUBMISSIONS)).forEach(p -> partitions.add(p.partition()));
                byMember.put(member.consumerId(), partitions);
            }
            return byMember;
        } catch (Exception e) {
            throw new IllegalStateException("could not describe consumer group " + QUERY_GROUP, e);
        }
    }

    /** How many records the submissions topic holds for each of {@code keys}, reading it from the start to its end. */
    Map<String, Integer> submissionRecordsByKey(Set<String> keys) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(SUBMISSIONS).forEach(p -> partitions.add(new TopicPartition(SUBMISSIONS, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + SUBMISSIONS + " to its end within 30 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(r.key())) {
                        counts.merge(r.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    @Override
    public void close() {
        admin.close();
    }
}
