package io.consultdesk.command.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which event ids the relay has confirmed to Kafka, grouped by the second of the event's timestamp
 * ({@code relay_ledger}, one document per second, removed once reconciled), and how far reconciliation
 * has got. Written after a relay batch commits: a crash before that write makes an event look missing
 * and be sent again (harmless), never the reverse.
 */
@Component
public class RelayLedger {

    private static final String CURSOR = "cursor";

    private final MongoCollection<Document> ledger;

    public RelayLedger(MongoClient client, @Value("${consultdesk.event-store.database:consultdesk_events}") String database) {
        this.ledger = client.getDatabase(database).getCollection("relay_ledger");
    }

    /** Records confirmed sends: event ids by epoch second of their timestamp. */
    public void record(Map<Long, List<String>> idsBySecond) {
        idsBySecond.forEach((second, ids) -> ledger.updateOne(Filters.eq("_id", second),
                Updates.addEachToSet("ids", ids), new UpdateOptions().upsert(true)));
    }

    /** Ids recorded for events whose timestamp lies in [fromSecond, toSecond). */
    public Set<String> relayed(long fromSecond, long toSecond) {
        Set<String> ids = new HashSet<>();
        ledger.find(Filters.and(Filters.gte("_id", fromSecond), Filters.lt("_id", toSecond)))
                .forEach(d -> ids.addAll(d.getList("ids", String.class)));
        return ids;
    }

    /** Forgets the reconciled seconds [fromSecond, toSecond) and moves the cursor past them. */
    public void reconciled(long fromSecond, long toSecond) {
        setCursor(toSecond);
        ledger.deleteMany(Filters.and(Filters.gte("_id", fromSecond), Filters.lt("_id", toSecond)));
    }

    /** The first second not yet reconciled, or null before the first reconciliation. */
    public Long cursor() {
        Document cursor = ledger.find(Filters.eq("_id", CURSOR)).first();
        return cursor == null ? null : cursor.get("next", Number.class).longValue();
    }

    public void setCursor(long nextSecond) {
        ledger.replaceOne(Filters.eq("_id", CURSOR), new Document("_id", CURSOR).append("next", nextSecond),
                new ReplaceOptions().upsert(true));
    }
}
