package io.consultdesk.command.web;

import io.consultdesk.command.eventstore.ActorCorrelation;
import io.consultdesk.command.kernel.Actor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Sends a command and waits for its result, with the actor put into the metadata that every event inherits.
 * <p>
 * With several instances of this service, an instance's cached aggregate may be stale: another instance
 * changed the item since. A command that meets such an aggregate fails in one of two ways — its events clash
 * with the stored ones (Axon's {@link ConcurrencyException}: the event log's unique aggregate key refused the
 * append), or its {@code expectedVersion} is <em>ahead</em> of the cached version (a client can only have
 * seen a stored version). Either way the caching repository dropped the entry when the failed unit of work
 * rolled back, so the command is sent once more: the second attempt loads the item from the store and decides
 * on its current state. An {@code expectedVersion} is checked against that state: one that is really stale
 * fails then (409 naming the current version), one that was right succeeds. A second failure is reported as
 * it is (a genuine race: 409).
 */
@Component
public class CommandSender {

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway gateway;
    private final Counter retried;

    public CommandSender(CommandGateway gateway, MeterRegistry registry) {
        this.gateway = gateway;
        this.retried = Counter.builder("consultdesk.commands.retried")
                .description("commands sent a second time because they met a stale cached aggregate (changed by another instance)")
                .register(registry);
    }

    public <R> R send(Object command, Actor actor) {
        String requestId = MDC.get("requestId") != null ? MDC.get("requestId") : UUID.randomUUID().toString();
        MetaData metaData = MetaData.from(Map.of(
                ActorCorrelation.ACTOR, actor.name(),
                ActorCorrelation.BUREAU, actor.bureau(),
                ActorCorrelation.ROLES, String.join(",", new TreeSet<>(actor.roles())),
                ActorCorrelation.REQUEST_ID, requestId));
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        try {
            return gateway.sendAndWait(message);
        } catch (RuntimeException e) {
            if (!metStaleAggregate(e)) {
                throw e;
            }
            retried.increment();
            log.info("{} met an aggregate changed meanwhile by another instance ({}); sending it once more",
                    command.getClass().getSimpleName(), e.getMessage());
            return gateway.sendAndWait(message);
        }
    }

    /**
     * Whether the failure may come from a stale cached aggregate: the event log refused an append of a next
     * event, or the aggregate loaded was behind the version the client expects. Neither a clash on a first
     * event (the aggregate exists already) nor an aggregate ahead of the expected version is one: sending
     * those again would only fail again.
     */
    static boolean metStaleAggregate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
            if (t instanceof ConflictingAggregateVersionException conflict
                    && conflict.getActualVersion() < conflict.getExpectedVersion()) {
                return true;
            }
        }
        return false;
    }
}
