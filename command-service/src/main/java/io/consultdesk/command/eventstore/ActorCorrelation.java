package io.consultdesk.command.eventstore;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Copies who did it (actor, bureau, roles) and the correlation id from every command onto the events it causes. */
@Configuration
public class ActorCorrelation {

    public static final String ACTOR = "actor";
    public static final String BUREAU = "actorBureau";
    public static final String ROLES = "actorRoles";
    public static final String REQUEST_ID = "requestId";

    @Bean
    public CorrelationDataProvider actorCorrelationData() {
        return new SimpleCorrelationDataProvider(ACTOR, BUREAU, ROLES, REQUEST_ID);
    }

    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
