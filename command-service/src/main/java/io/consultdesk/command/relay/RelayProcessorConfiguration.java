package io.consultdesk.command.relay;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The relay must never skip an event: its errors propagate (the default handler would log and move on),
 * so the processor backs off and retries the whole batch.
 */
@Configuration
@EnableScheduling
public class RelayProcessorConfiguration {

    @Autowired
    public void configure(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
        processing.registerErrorHandler(KafkaRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
