package io.consultdesk.command.publishedlanguage;

import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.TablePublished;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A table published under revision 1, as the event store holds it, reads as revision 2 through the store's upcasters. */
class TablePublishedRevision2Test {

    /** As the event store reads: types by their stable names. */
    private static final Serializer JSON = new PublishedEventSerializer(
            JacksonSerializer.builder().objectMapper(PublishedJson.mapper().copy()).build(), PublishedEvents.get());

    @Test
    void revisionOneReadsAsRevisionTwoWithItsItemsLeftOutCounted() {
        TablePublished read = readStored("1", "[\"s9\",\"s12\"]");
        assertThat(read).isEqualTo(new TablePublished("c", 1, "社会公众意见采纳情况表", 55, Map.of("采纳", 15), 2, List.of("s9", "s12"),
                Instant.parse("2024-09-20T08:00:00Z"), Map.of("采纳", OutcomeClass.ACCEPTED)));
    }

    @Test
    void aRevisionOneListLongerThanTheNamedOnesIsCountedWholeAndNamedInPart() {
        String many = IntStream.range(0, 2_500).mapToObj(i -> "\"item-" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        TablePublished read = readStored("1", many);
        assertThat(read.leftOutCount()).isEqualTo(2_500);
        assertThat(read.leftOut()).hasSize(TablePublished.LEFT_OUT_NAMED).startsWith("item-0").endsWith("item-999");
    }

    @Test
    void revisionTwoIsReadAsStored() {
        String payload = "{\"consultationId\":\"c\",\"version\":1,\"heading\":\"社会公众意见采纳情况表\",\"rowCount\":55,\"totals\":{\"采纳\":15},"
                + "\"leftOutCount\":40000,\"leftOut\":[\"s9\"],\"publishedAt\":\"2024-09-20T08:00:00Z\",\"outcomeClasses\":{\"采纳\":\"ACCEPTED\"}}";
        assertThat(upcast("2", payload).leftOutCount()).isEqualTo(40_000);
        assertThat(TablePublishedRevision2.NAMED).isEqualTo(TablePublished.LEFT_OUT_NAMED);
    }

    private static TablePublished readStored(String revision, String leftOut) {
        return upcast(revision, "{\"consultationId\":\"c\",\"version\":1,\"heading\":\"社会公众意见采纳情况表\",\"rowCount\":55,"
                + "\"totals\":{\"采纳\":15},\"leftOut\":" + leftOut + ",\"publishedAt\":\"2024-09-20T08:00:00Z\","
                + "\"outcomeClasses\":{\"采纳\":\"ACCEPTED\"}}");
    }

    private static TablePublished upcast(String revision, String payload) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Consultation", "c", 2, "event-1",
                Instant.parse("2024-09-20T08:00:00Z"), "TablePublished", revision, payload, "{}");
        List<IntermediateEventRepresentation> upcast = EventUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, JSON))).toList();
        assertThat(upcast).hasSize(1);
        SerializedType type = upcast.get(0).getType();
        assertThat(type).isEqualTo(new SimpleSerializedType("TablePublished", "2"));
        return JSON.deserialize(new SimpleSerializedObject<>(upcast.get(0).getData(String.class).getData(), String.class, type));
    }
}
