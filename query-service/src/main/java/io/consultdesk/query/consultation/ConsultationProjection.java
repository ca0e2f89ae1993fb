package io.consultdesk.query.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import io.consultdesk.query.feed.Changes;
import io.consultdesk.query.submission.OutcomeClasses;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.Projection;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.feed.PublishedLanguage;
import io.consultdesk.query.feed.Views;
import io.consultdesk.query.presentation.LocalTimes;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** One document per consultation in {@code consultations}. */
public class ConsultationProjection implements Projection {

    private final Views views;

    public static final String COLLECTION = "consultations";
    /** The consultation's time zone: absent in events of consultations opened before it was recorded (then Asia/Shanghai). */
    public static final String TIME_ZONE = "timeZone";


    public ConsultationProjection(Views views) {
        this.views = views;
    }

    @Override
    public boolean accepts(EventEnvelope event) {
        return "Consultation".equals(event.aggregateType());
    }

    @Override
    public Optional<DocumentPerAggregate> documentPerAggregate() {
        return Optional.of(new DocumentPerAggregate("Consultation", COLLECTION));
    }

    @Override
    public void apply(EventEnvelope e, Changes changes) {
        changes.set(COLLECTION, switch (e.type()) {
            case "ConsultationOpened" -> new Document("title", e.text("title"))
                    .append("draftingUnit", e.text("draftingUnit"))
                    .append("deadline", e.text("deadline"))
                    .append(TIME_ZONE, LocalTimes.zone(e.text(TIME_ZONE)).getId())
                    .append("outcomes", texts(e.payload().get("outcomes")))
                    .append("outcomeClasses", OutcomeClasses.defaults(texts(e.payload().get("outcomes"))))
                    .append("handlingWorkingDays", e.payload().path("handlingWorkingDays").asInt())
                    .append("clauses", clauses(e.payload().get("clauses")))
                    .append("catalogueVersion", 1)
                    .append("state", ConsultationStates.OPEN)
                    .append("openedAt", Date.from(Instant.parse(e.text("openedAt"))));
            case "OutcomeVocabularyAmended" -> new Document("outcomes", OutcomeClasses.words(e.payload().get("outcomes")))
                    .append("outcomeClasses", OutcomeClasses.classes(e.payload().get("outcomes")));
            case "ClauseCatalogueAmended" -> new Document("clauses", clauses(e.payload().get("clauses")))
                    .append("catalogueVersion", e.payload().path("version").asInt());
            case "ConsultationClosed" -> new Document("state", ConsultationStates.CLOSED);
            case "TablePublished" -> new Document("publishedVersion", e.payload().path("version").asInt())
                    .append("publishedAt", Date.from(Instant.parse(e.text("publishedAt"))));
            default -> throw new PublishedLanguage.UnknownEventType(e);
        });
    }

    private static List<Document> clauses(JsonNode clauses) {
        List<Document> list = new ArrayList<>();
        if (clauses != null) {
            clauses.forEach(c -> list.add(new Document("number", c.path("number").asText())
                    .append("chapter", c.path("chapter").asText())
                    .append("title", c.path("title").asText())
                    .append("responsibleUnits", texts(c.get("responsibleUnits")))
                    // none recorded (a catalogue loaded before clauses carried their text): no text
                    .append("text", c.path("text").asText(""))));
        }
        return list;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    /** Resolved on every use: after a replay switches generations, the live feed writes to the new one. */
    private MongoCollection<Document> consultations() {
        return views.collection(COLLECTION);
    }

    /** Registers this projection with the feed, for every generation of views. */
    @Component
    @Order(1)
    public static class Registration implements Projections.Registration {
        @Override
        public Projection forViews(Views views) {
            return new ConsultationProjection(views);
        }
    }
}
