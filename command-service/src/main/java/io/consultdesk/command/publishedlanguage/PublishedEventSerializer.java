package io.consultdesk.command.publishedlanguage;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * The event store's serializer: the JSON of the wrapped serializer, typed by each event's stable name
 * instead of its Java class name. Anything that is not an event (metadata) passes through unchanged.
 */
public final class PublishedEventSerializer implements Serializer {

    private final Serializer json;
    private final PublishedEvents events;

    public PublishedEventSerializer(Serializer json, PublishedEvents events) {
        this.json = json;
        this.events = events;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = json.serialize(object, expectedRepresentation);
        return events.nameOf(object.getClass())
                .<SerializedObject<T>>map(name -> new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                        name, serialized.getType().getRevision()))
                .orElse(serialized);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        SerializedType type = serialized.getType();
        return events.classOf(type.getName())
                .map(carrier -> json.<S, T>deserialize(new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                        carrier.getName(), type.getRevision())))
                .orElseGet(() -> {
                    classForType(type);
                    return json.deserialize(serialized);
                });
    }

    /**
     * The class of a stored type. An event is found only by its published name: one still typed by a class
     * name has not passed the upcasters, and reading it anyway would tie stored history to class names again.
     */
    @Override
    public Class classForType(SerializedType type) {
        return events.classOf(type.getName()).map(c -> (Class) c).orElseGet(() -> {
            Class<?> other = json.classForType(type);
            if (other.isAnnotationPresent(EventName.class)) {
                throw new IllegalStateException("event " + type.getName() + " (revision " + type.getRevision()
                        + ") is not under its published name " + other.getAnnotation(EventName.class).value() + ": no upcaster renamed it");
            }
            return other;
        });
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return events.nameOf(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, PublishedEvents.revisionOf(type)))
                .orElseGet(() -> json.typeForClass(type));
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }
}
