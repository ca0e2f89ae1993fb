package io.consultdesk.query.campaign;

import io.consultdesk.query.SampleItemEvents;
import io.consultdesk.query.ViewsFixture;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.LiveViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.consultdesk.query.ViewsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

/** A consultation's campaign clusters as the API lists them, built from the joins, and read by key. */
class CampaignClustersTest {

    private static ViewsFixture fixture;
    private LiveViews views;
    private CampaignClusters clusters;

    @BeforeAll
    static void start() {
        fixture = new ViewsFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void fresh() {
        views = fixture.freshViews();
        clusters = new CampaignClusters(views);
    }

    /** An item of consultation "c", received and assigned, then (sequence 2) joining {@code cluster}. */
    private static List<EventEnvelope> joining(String item, String cluster, double similarity) {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(event("Submission", item, 0, "SubmissionReceived", "2024-09-02T01:00:00Z", "k-" + item, """
                {"submissionId":"%s","consultationId":"c","submitterKind":"PERSON","submitterPublicName":"陈*天",
                 "opinion":"o","channel":"WEB","receivedAt":"2024-09-02T01:00:00Z","citedClauses":[],"citedChapters":[]}""".formatted(item)));
        events.add(SampleItemEvents.event(item, 1));
        if (cluster != null) {
            events.add(event("Submission", item, 2, "SubmissionJoinedCampaign", "2024-09-02T01:00:00Z", "k-" + item, """
                    {"submissionId":"%s","consultationId":"c","clusterId":"%s","representativeId":"%s","similarity":%s,
                     "joinedAt":"2024-09-02T01:00:00Z"}""".formatted(item, cluster, cluster, similarity)));
        }
        return events;
    }

    @Test
    void clustersAreListedLargestFirstWithTheirRepresentativeFirstAmongTheMembers() {
        fixture.apply(views, joining("s-1", null, 0));
        fixture.apply(views, joining("s-4", null, 0));
        fixture.apply(views, joining("s-5", "s-4", 0.7));
        // members joining in separate batches, and one batch holding two joins of one cluster
        fixture.apply(views, joining("s-3", "s-1", 0.8));
        List<EventEnvelope> both = new ArrayList<>(joining("s-2", "s-1", 0.9));
        both.addAll(joining("s-6", "s-1", 0.45));
        fixture.apply(views, both);

        assertThat(clusters.of("c")).containsExactly(
                new CampaignCluster("s-1", 4, "s-1", List.of("s-1", "s-2", "s-3", "s-6")),
                new CampaignCluster("s-4", 2, "s-4", List.of("s-4", "s-5")));
        assertThat(clusters.of("another")).isEmpty();
    }

    @Test
    void aJoinDeliveredAgainChangesNothing() {
        List<EventEnvelope> events = joining("s-2", "s-1", 0.9);
        fixture.apply(views, events);
        fixture.apply(views, events);
        fixture.apply(views, List.of(events.get(2)));
        assertThat(clusters.of("c")).containsExactly(new CampaignCluster("s-1", 2, "s-1", List.of("s-1", "s-2")));
    }

    @Test
    void aConsultationsClustersAreReadByKeyWithTwoFinds() {
        fixture.apply(views, joining("s-2", "s-1", 0.9));
        fixture.apply(views, joining("s-5", "s-4", 0.7));
        fixture.commandsSince();
        fixture.findFiltersSince("campaign_consultations");
        clusters.of("c");
        assertThat(fixture.commandsSince()).containsExactly("find campaign_consultations", "find campaign_clusters");
        assertThat(fixture.findFiltersSince("campaign_consultations")).extracting(Object::toString)
                .containsExactly("{\"_id\": \"c\"}");
        clusters.of("c");
        assertThat(fixture.findFiltersSince("campaign_clusters")).extracting(Object::toString)
                .containsExactly("{\"_id\": {\"$in\": [\"c|s-1\", \"c|s-4\"]}}");
    }

    @Test
    void theJoiningItemsDocumentNamesItsCluster() {
        fixture.apply(views, joining("s-2", "s-1", 0.9));
        var item = views.collection("submissions").find(new org.bson.Document("_id", "s-2")).first();
        assertThat(item.getString("campaignClusterId")).isEqualTo("s-1");
        assertThat(item.getDouble("campaignSimilarity")).isEqualTo(0.9);
    }
}
