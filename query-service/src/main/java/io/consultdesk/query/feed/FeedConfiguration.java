package io.consultdesk.query.feed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** The read side's own database, and what happens when a batch fails: it is retried, never skipped. */
@Configuration
public class FeedConfiguration {

    /**
     * Fail fast when MongoDB is away: a query answers 503 within seconds; the feed retries its batch. Every
     * command sent is counted ({@link MongoRoundTrips}).
     */
    @Bean
    public MongoClientSettingsBuilderCustomizer failFastAndCounted(
            @Value("${consultdesk.mongodb.server-selection-timeout-ms:3000}") long timeoutMs, MeterRegistry registry) {
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS))
                .addCommandListener(new MongoRoundTrips(registry));
    }

    @Bean
    public MongoDatabase viewsDatabase(MongoClient client,
                                       @Value("${consultdesk.views.database:consultdesk_views}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public DefaultErrorHandler feedErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(2_000);
        // no max elapsed time: a failing batch is retried until it succeeds, so no event is ever skipped
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
