package io.consultdesk.command.publication;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.consultdesk.command.WireStore;
import io.consultdesk.command.submission.Channel;
import io.consultdesk.command.submission.SubmissionReceived;
import io.consultdesk.command.submission.SubmitterKind;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The items of a consultation listed by arrival number, and the entries of earlier releases numbered once. */
class ConsultationItemsTest {

    @RegisterExtension
    static final WireStore STORE = new WireStore();

    private static final Instant T = Instant.parse("2024-09-02T00:00:00Z");

    private static String freshDatabase() {
        return "items_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Document earlier(String id, String consultation, int second) {
        return new Document("_id", id).append("consultationId", consultation).append("receivedAt", Date.from(T.plusSeconds(second)));
    }

    private static SubmissionReceived received(String id, String consultation) {
        return new SubmissionReceived(id, consultation, SubmitterKind.PERSON, "陈*天", null, "意见", Channel.WEB, T.plusSeconds(100),
                null, List.of(), List.of(), null, null, List.of());
    }

    @Test
    void entriesOfAnEarlierReleaseAreNumberedOnceInTheOrderItPublishedIn() {
        String database = freshDatabase();
        MongoDatabase db = STORE.client().getDatabase(database);
        MongoCollection<Document> items = db.getCollection("consultation_items");
        // stored in no particular order; b and a were received at the same moment (then by id, as that release did)
        items.insertMany(List.of(earlier("c", "one", 5), earlier("b", "one", 1), earlier("x", "other", 0),
                earlier("a", "one", 1), earlier("d", "one", 0)));
        // a start interrupted halfway had numbered the first already
        items.insertOne(new Document("_id", ConsultationItems.key("one", 1)).append("submissionId", "d")
                .append("receivedAt", Date.from(T)));

        ConsultationItems numbered = new ConsultationItems(STORE.client().getDatabase(database));

        assertThat(numbered.inArrivalOrder("one")).containsExactly("d", "a", "b", "c");
        assertThat(numbered.inArrivalOrder("other")).containsExactly("x");
        assertThat(numbered.lastArrival("one")).isEqualTo(4);
        assertThat(items.countDocuments(new Document("consultationId", new Document("$exists", true))))
                .as("the earlier entries are gone").isZero();

        numbered.on(received("e", "one"));
        ConsultationItems restarted = new ConsultationItems(STORE.client().getDatabase(database));
        assertThat(restarted.inArrivalOrder("one")).as("numbered once: a later start changes nothing").containsExactly("d", "a", "b", "c", "e");
        List<String> keys = new ArrayList<>();
        items.find().forEach(d -> keys.add(d.getString("_id")));
        assertThat(keys).contains(ConsultationItems.key("one", 5)).doesNotContain(ConsultationItems.key("one", 6));
    }

    @Test
    void aNewStoreNumbersFromOneAndEachInstanceTakesABlockOfItsOwn() {
        String database = freshDatabase();
        ConsultationItems first = new ConsultationItems(STORE.client().getDatabase(database));
        ConsultationItems second = new ConsultationItems(STORE.client().getDatabase(database));

        first.on(received("a", "one"));
        second.on(received("b", "one"));
        first.on(received("c", "one"));

        assertThat(first.inArrivalOrder("one")).containsExactly("a", "c", "b");
        assertThat(first.lastArrival("one")).isEqualTo(2L * ConsultationItems.BLOCK);
        assertThat(first.inArrivalOrder("none")).isEmpty();
    }
}
