package io.consultdesk.command.publishedlanguage;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the event store, oldest form first: a stored event passes through each in turn and
 * comes out in its current name and revision. A new revision of an event adds its upcaster at the end.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(new LegacyEventNames(), new TablePublishedRevision2());
    }
}
