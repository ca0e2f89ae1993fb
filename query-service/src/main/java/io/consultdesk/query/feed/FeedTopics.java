package io.consultdesk.query.feed;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service reads, declared here too: whichever service starts first creates them (with
 * the same settings), so the consumer never waits on a topic that does not exist yet.
 */
@Configuration
public class FeedTopics {

    @Bean
    public NewTopic submissionsTopic(@Value("${consultdesk.topics.partitions:3}") int partitions,
                                     @Value("${consultdesk.topics.replication:1}") short replication,
                                     @Value("${consultdesk.topics.min-insync-replicas:1}") String minInsync) {
        return topic(EventFeedListener.SUBMISSIONS, partitions, replication, minInsync);
    }

    @Bean
    public NewTopic consultationsTopic(@Value("${consultdesk.topics.replication:1}") short replication,
                                       @Value("${consultdesk.topics.min-insync-replicas:1}") String minInsync) {
        return topic(EventFeedListener.CONSULTATIONS, 1, replication, minInsync);
    }

    /** Where events the read side cannot apply are kept, with the reason, until an administrator retries them. */
    @Bean
    public NewTopic deadLetterTopic(@Value("${consultdesk.topics.replication:1}") short replication,
                                    @Value("${consultdesk.topics.min-insync-replicas:1}") String minInsync) {
        return topic(DeadLetters.TOPIC, 1, replication, minInsync);
    }

    private static NewTopic topic(String name, int partitions, short replication, String minInsync) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replication)
                .config("retention.ms", "-1").config("retention.bytes", "-1")
                .config("min.insync.replicas", minInsync).build();
    }
}
