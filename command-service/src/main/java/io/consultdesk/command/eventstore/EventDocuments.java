package io.consultdesk.command.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * How one stored event looks in the {@code events} collection. Its {@code _id} is its position in the log;
 * {@code aggregateKey} (aggregate id, "/", sequence zero-padded to 19 digits) is unique, so both the log
 * and an aggregate's history are read by key lookups only — the only reads every store answers from an
 * index. Each event also records the positions of the commit it belongs to ({@code commitFirst},
 * {@code commitSize}). A position whose commit failed, or that was reserved and never written in time,
 * holds a tombstone: it is settled, and no reader waits for it.
 */
final class EventDocuments {

    static final String POSITION = "_id";
    static final String KEY = "aggregateKey";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String AGGREGATE_TYPE = "type";
    static final String SEQUENCE = "sequenceNumber";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "serializedPayload";
    static final String META_DATA = "serializedMetaData";
    static final String COMMIT_FIRST = "commitFirst";
    static final String COMMIT_SIZE = "commitSize";
    static final String TOMBSTONE = "tombstone";

    private EventDocuments() {
    }

    /** The unique key of an aggregate's event: ids may hold any character, the fixed-width suffix keeps keys apart. */
    static String key(String aggregateId, long sequence) {
        return aggregateId + "/" + String.format("%019d", sequence);
    }

    /** An event's document, not yet placed in the log (see {@link #placed}). */
    static Document event(EventMessage<?> event, Serializer serializer) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            throw new IllegalArgumentException("only an aggregate's events are stored here, not " + event.getPayloadType().getName());
        }
        SerializedObject<String> payload = serializer.serialize(domain.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(domain.getMetaData(), String.class);
        return new Document(KEY, key(domain.getAggregateIdentifier(), domain.getSequenceNumber()))
                .append(AGGREGATE_ID, domain.getAggregateIdentifier())
                .append(AGGREGATE_TYPE, domain.getType())
                .append(SEQUENCE, domain.getSequenceNumber())
                .append(EVENT_ID, domain.getIdentifier())
                .append(TIMESTAMP, formatInstant(domain.getTimestamp()))
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
    }

    /** The document at its position, as one of the {@code commitSize} events of the commit starting at {@code commitFirst}. */
    static Document placed(Document event, long position, long commitFirst, int commitSize) {
        event.put(POSITION, position);
        event.put(COMMIT_FIRST, commitFirst);
        event.put(COMMIT_SIZE, commitSize);
        return event;
    }

    /** What settles a position that holds no event; its key is its own, since every document needs a unique one. */
    static Document tombstone(long position) {
        return new Document(POSITION, position).append(KEY, "~" + position).append(TOMBSTONE, true);
    }

    static boolean isTombstone(Document document) {
        return Boolean.TRUE.equals(document.getBoolean(TOMBSTONE));
    }

    static long position(Document document) {
        return document.get(POSITION, Number.class).longValue();
    }

    static long sequence(Document document) {
        return document.get(SEQUENCE, Number.class).longValue();
    }

    static long commitFirst(Document document) {
        return document.get(COMMIT_FIRST, Number.class).longValue();
    }

    static int commitSize(Document document) {
        return document.get(COMMIT_SIZE, Number.class).intValue();
    }

    static DomainEventData<String> entry(Document document) {
        return new GenericDomainEventEntry<>(document.getString(AGGREGATE_TYPE), document.getString(AGGREGATE_ID),
                sequence(document), document.getString(EVENT_ID), document.getString(TIMESTAMP),
                document.getString(PAYLOAD_TYPE), document.getString(PAYLOAD_REVISION), document.getString(PAYLOAD),
                document.getString(META_DATA));
    }
}
