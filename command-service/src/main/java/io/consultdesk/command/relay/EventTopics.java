package io.consultdesk.command.relay;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The event topics, one per aggregate type, kept forever (replay reads them from the start). Partitions
 * and replication come from configuration: on one embedded broker replication is 1; a production cluster
 * wants 3 with min.insync.replicas=2.
 */
@Configuration
public class EventTopics {

    public static final String SUBMISSIONS = "consultdesk.submissions.v1";
    public static final String CONSULTATIONS = "consultdesk.consultations.v1";

    static String topicFor(String aggregateType) {
        return switch (aggregateType) {
            case "Submission" -> SUBMISSIONS;
            // a campaign's facts are few and concern a whole consultation: they keep its topic's single order
            case "Consultation", "Campaign" -> CONSULTATIONS;
            default -> throw new IllegalArgumentException("no topic for aggregate type " + aggregateType);
        };
    }

    @Bean
    public NewTopic submissionsTopic(@Value("${consultdesk.topics.partitions:3}") int partitions,
                                     @Value("${consultdesk.topics.replication:1}") short replication,
                                     @Value("${consultdesk.topics.min-insync-replicas:1}") String minInsync) {
        return topic(SUBMISSIONS, partitions, replication, minInsync);
    }

    @Bean
    public NewTopic consultationsTopic(@Value("${consultdesk.topics.replication:1}") short replication,
                                       @Value("${consultdesk.topics.min-insync-replicas:1}") String minInsync) {
        return topic(CONSULTATIONS, 1, replication, minInsync);
    }

    private static NewTopic topic(String name, int partitions, short replication, String minInsync) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replication)
                .config("retention.ms", "-1")
                .config("retention.bytes", "-1")
                .config("min.insync.replicas", minInsync)
                .build();
    }
}
