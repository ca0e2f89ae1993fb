package io.consultdesk.command.web;

import io.consultdesk.command.eventstore.ActorCorrelation;
import io.consultdesk.command.kernel.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Sends a command and waits for its result, with the actor put into the metadata that every event inherits. */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, Actor actor) {
        String requestId = MDC.get("requestId") != null ? MDC.get("requestId") : UUID.randomUUID().toString();
        MetaData metaData = MetaData.from(Map.of(
                ActorCorrelation.ACTOR, actor.name(),
                ActorCorrelation.BUREAU, actor.bureau(),
                ActorCorrelation.ROLES, String.join(",", new TreeSet<>(actor.roles())),
                ActorCorrelation.REQUEST_ID, requestId));
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
