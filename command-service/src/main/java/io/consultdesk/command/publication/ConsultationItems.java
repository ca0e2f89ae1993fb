package io.consultdesk.command.publication;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.consultdesk.command.submission.SubmissionReceived;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Which items belong to which consultation, in the order received: the one set-based question the write
 * side must answer (to number a table). Kept by a subscribing processor, i.e. in the command's own thread.
 */
@Component
@ProcessingGroup(ConsultationItems.PROCESSING_GROUP)
public class ConsultationItems {

    public static final String PROCESSING_GROUP = "consultation-items";

    private final MongoCollection<Document> items;

    public ConsultationItems(MongoDatabase eventDatabase) {
        this.items = eventDatabase.getCollection("consultation_items");
        items.createIndex(Indexes.ascending("consultationId", "receivedAt"));
    }

    @EventHandler
    public void on(SubmissionReceived event) {
        items.replaceOne(Filters.eq("_id", event.submissionId()),
                new Document("_id", event.submissionId())
                        .append("consultationId", event.consultationId())
                        .append("receivedAt", Date.from(event.receivedAt())),
                new ReplaceOptions().upsert(true));
    }

    /** The ids of the consultation's items, in the order received (ties by id). */
    public List<String> inOrderReceived(String consultationId) {
        List<String> ids = new ArrayList<>();
        items.find(Filters.eq("consultationId", consultationId))
                .sort(Sorts.ascending("receivedAt", "_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
