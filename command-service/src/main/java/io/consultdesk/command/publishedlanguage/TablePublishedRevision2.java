package io.consultdesk.command.publishedlanguage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code TablePublished} revision 1 named every undecided item left out of the version; revision 2 counts them
 * ({@code leftOutCount}) and names the first 1,000. A stored revision 1 reads as revision 2: the count is the
 * length of its list, and the list is cut to the first 1,000.
 */
public final class TablePublishedRevision2 extends SingleEventUpcaster {

    static final String NAME = "TablePublished";
    /** As {@code TablePublished.LEFT_OUT_NAMED}: this package knows no feature, and history does not change with it. */
    static final int NAMED = 1_000;

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation stored) {
        return NAME.equals(stored.getType().getName()) && "1".equals(stored.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation stored) {
        return stored.upcastPayload(new SimpleSerializedType(NAME, "2"), JsonNode.class, TablePublishedRevision2::revision2);
    }

    static JsonNode revision2(JsonNode revision1) {
        ObjectNode payload = ((ObjectNode) revision1).deepCopy();
        JsonNode all = payload.path("leftOut");
        ArrayNode named = payload.arrayNode();
        for (int i = 0; i < all.size() && i < NAMED; i++) {
            named.add(all.get(i));
        }
        payload.put("leftOutCount", all.size());
        payload.set("leftOut", named);
        return payload;
    }
}
