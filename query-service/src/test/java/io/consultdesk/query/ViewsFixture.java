package io.consultdesk.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import org.bson.BsonDocument;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.campaign.CampaignClusterProjection;
import io.consultdesk.query.campaign.CampaignTermsProjection;
import io.consultdesk.query.consultation.ConsultationProjection;
import io.consultdesk.query.dashboard.DashboardSummary;
import io.consultdesk.query.feed.BatchApplier;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.publication.PublishedTableProjection;
import io.consultdesk.query.submission.SubmissionProjection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Views on a MongoDB wire server fed through the feed's own applier, with every command sent recorded as
 * {@code "<command> <collection>"} (generation suffix dropped): for tests of what the read models show and of
 * what they read to show it.
 */
public final class ViewsFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final MongoWireServer mongo;
    private final MongoClient client;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Find> finds = new CopyOnWriteArrayList<>();

    /** A find sent to the store: its collection (generation suffix dropped) and its filter. */
    private record Find(String collection, BsonDocument filter) {
    }

    public ViewsFixture() {
        mongo = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        var target = event.getCommand().get(event.getCommandName());
                        if (target != null && target.isString()) {
                            String collection = target.asString().getValue().replaceAll("_g\\d+$", "");
                            commands.add(event.getCommandName() + " " + collection);
                            if (event.getCommandName().equals("find")) {
                                // copied: the command's buffer is released once the listener returns
                                finds.add(new Find(collection, event.getCommand().getDocument("filter", new BsonDocument()).clone()));
                            }
                        }
                    }
                }).build());
    }

    /** A fresh, empty database of views. */
    public LiveViews freshViews() {
        return new LiveViews(client.getDatabase("views_" + UUID.randomUUID().toString().replace("-", "")));
    }

    /** Applies the events as one batch of the feed, with every projection the service registers. */
    public void apply(LiveViews views, List<EventEnvelope> events) {
        BatchApplier applier = new BatchApplier(views, new Projections(List.of(new ConsultationProjection.Registration(),
                new SubmissionProjection.Registration(), new PublishedTableProjection.Registration(),
                new HistoryProjection.Registration(), new DashboardSummary.Registration(),
                new CampaignClusterProjection.Registration(), new CampaignTermsProjection.Registration())), JSON);
        applier.apply(events.stream().map(e -> {
            try {
                return new BatchApplier.Delivered(e, e.aggregateId(), JSON.writeValueAsString(e), "test");
            } catch (JsonProcessingException x) {
                throw new IllegalStateException(x);
            }
        }).toList());
    }

    /** The commands sent since the last call, and forgets them. */
    public List<String> commandsSince() {
        List<String> sent = List.copyOf(commands);
        commands.clear();
        return sent;
    }

    /** The filters of the finds on {@code collection} since the last call, and forgets every find recorded. */
    public List<BsonDocument> findFiltersSince(String collection) {
        List<BsonDocument> filters = finds.stream().filter(f -> f.collection().equals(collection)).map(Find::filter).toList();
        finds.clear();
        return filters;
    }

    public static EventEnvelope event(String aggregateType, String aggregateId, long sequence, String type, String at,
                                      String correlation, String payload) {
        try {
            return new EventEnvelope(UUID.randomUUID().toString(), type, "1", aggregateType, aggregateId, sequence,
                    Instant.parse(at), "someone", "", correlation, JSON.readTree(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        mongo.close();
    }
}
