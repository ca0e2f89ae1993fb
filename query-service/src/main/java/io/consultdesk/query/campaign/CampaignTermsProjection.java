package io.consultdesk.query.campaign;

import io.consultdesk.query.feed.Changes;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.Projection;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.feed.Views;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * One document per campaign (the {@code Campaign} aggregate, {@code _id} = {@code campaign|<cluster>}): whether a
 * supervisor confirmed it and whether joiners take its decisions at once, and each lead bureau's latest decision
 * of it under {@code decisions.<bureau>}.
 */
public class CampaignTermsProjection implements Projection {

    public static final String COLLECTION = "campaign_terms";

    @Override
    public boolean accepts(EventEnvelope event) {
        return "Campaign".equals(event.aggregateType());
    }

    @Override
    public Optional<DocumentPerAggregate> documentPerAggregate() {
        return Optional.of(new DocumentPerAggregate("Campaign", COLLECTION));
    }

    @Override
    public void apply(EventEnvelope e, Changes changes) {
        Document fields = new Document("clusterId", e.text("clusterId")).append("consultationId", e.text("consultationId"));
        switch (e.type()) {
            case "CampaignConfirmed" -> fields.append("confirmed", true)
                    .append("applyDecisionsToJoiners", e.payload().path("applyDecisionsToJoiners").asBoolean())
                    .append("confirmedAt", Date.from(Instant.parse(e.text("confirmedAt"))));
            case "CampaignDecided" -> fields.append("decisions." + key(e.text("bureau")), new Document("decisionId", e.text("decisionId"))
                    .append("bureau", e.text("bureau")).append("outcome", e.text("outcome")).append("reason", e.text("reason"))
                    .append("memberCount", e.payload().path("memberCount").asInt())
                    .append("decidedAt", Date.from(Instant.parse(e.text("decidedAt")))));
            default -> {
                return; // a campaign event no view here shows
            }
        }
        changes.set(COLLECTION, fields);
    }

    /** The campaign document's id for cluster {@code clusterId}, as command-service names the aggregate. */
    static String campaignId(String clusterId) {
        return "campaign|" + clusterId;
    }

    /** A bureau's name as a field name: no dot (a path separator) and no leading {@code $}. */
    private static String key(String bureau) {
        return bureau.replace('.', '．').replace('$', '＄');
    }

    /** Registers this projection with the feed, for every generation of views. */
    @Component
    @Order(7)
    public static class Registration implements Projections.Registration {
        @Override
        public Projection forViews(Views views) {
            return new CampaignTermsProjection();
        }
    }
}
