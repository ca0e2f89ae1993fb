package io.consultdesk.query.campaign;

import io.consultdesk.query.SampleItemEvents;
import io.consultdesk.query.ViewsFixture;
import io.consultdesk.query.feed.EventEnvelope;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.security.Caller;
import io.consultdesk.security.Roles;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.consultdesk.query.ViewsFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

        assertThat(clusters.of("c")).extracting(CampaignCluster::id, CampaignCluster::size, CampaignCluster::representativeId,
                CampaignCluster::memberIds, CampaignCluster::representativeOpinion).containsExactly(
                tuple("s-1", 4, "s-1", List.of("s-1", "s-2", "s-3", "s-6"), "o"),
                tuple("s-4", 2, "s-4", List.of("s-4", "s-5"), "o"));
        assertThat(clusters.of("another")).isEmpty();
    }

    @Test
    void aJoinDeliveredAgainChangesNothing() {
        List<EventEnvelope> events = joining("s-2", "s-1", 0.9);
        fixture.apply(views, events);
        fixture.apply(views, events);
        fixture.apply(views, List.of(events.get(2)));
        assertThat(clusters.of("c")).extracting(CampaignCluster::id, CampaignCluster::memberIds)
                .containsExactly(tuple("s-1", List.of("s-1", "s-2")));
    }

    @Test
    void aConsultationsClustersAreReadByKeyWithFourFinds() {
        fixture.apply(views, joining("s-2", "s-1", 0.9));
        fixture.apply(views, joining("s-5", "s-4", 0.7));
        fixture.commandsSince();
        fixture.findFiltersSince("campaign_consultations");
        clusters.of("c");
        // the clusters' list, the clusters, their representatives (and members that may have left), their campaigns
        assertThat(fixture.commandsSince()).containsExactly("find campaign_consultations", "find campaign_clusters", "find submissions",
                "find campaign_terms");
        assertThat(fixture.findFiltersSince("campaign_consultations")).extracting(Object::toString)
                .containsExactly("{\"_id\": \"c\"}");
        clusters.of("c");
        assertThat(fixture.findFiltersSince("campaign_clusters")).extracting(Object::toString)
                .containsExactly("{\"_id\": {\"$in\": [\"c|s-1\", \"c|s-4\"]}}");
    }

    @Test
    void theJoiningItemsDocumentNamesItsCluster() {
        fixture.apply(views, joining("s-2", "s-1", 0.9));
        var item = views.collection("submissions").find(new Document("_id", "s-2")).first();
        assertThat(item.getString("campaignClusterId")).isEqualTo("s-1");
        assertThat(item.getDouble("campaignSimilarity")).isEqualTo(0.9);
    }

    private static EventEnvelope regrouped(String item, long sequence, String from, String to) {
        return event("Submission", item, sequence, "SubmissionRegrouped", "2024-09-03T01:00:00Z", "m-" + item, """
                {"submissionId":"%s","consultationId":"c","fromClusterId":"%s",%s"reason":"r","regroupedAt":"2024-09-03T01:00:00Z"}"""
                .formatted(item, from, to == null ? "" : "\"toClusterId\":\"" + to + "\",\"toRepresentativeId\":\"" + to + "\","));
    }

    @Test
    void aMemberSplitOffLeavesItsClusterAndAMergedClustersMembersAreInTheOther() {
        fixture.apply(views, joining("s-1", null, 0));
        fixture.apply(views, joining("s-2", "s-1", 0.9));
        fixture.apply(views, joining("s-3", "s-1", 0.8));
        fixture.apply(views, joining("t-1", null, 0));
        fixture.apply(views, joining("t-2", "t-1", 0.9));
        fixture.apply(views, joining("t-3", "t-1", 0.9));
        // s-3 split off; t-1's cluster merged into s-1's, its representative moving in a later batch than the others
        fixture.apply(views, List.of(regrouped("s-3", 3, "s-1", null), regrouped("t-2", 3, "t-1", "s-1"), regrouped("t-3", 3, "t-1", "s-1")));
        assertThat(clusters.of("c")).extracting(CampaignCluster::id, CampaignCluster::memberIds).containsExactly(
                tuple("s-1", List.of("s-1", "s-2", "t-2", "t-3")));
        fixture.apply(views, List.of(regrouped("t-1", 2, "t-1", "s-1")));
        // a join of t-1's cluster delivered late (another partition) does not bring t-1 back
        fixture.apply(views, joining("t-2", "t-1", 0.9));
        assertThat(clusters.of("c")).extracting(CampaignCluster::id, CampaignCluster::memberIds).containsExactly(
                tuple("s-1", List.of("s-1", "s-2", "t-1", "t-2", "t-3")));
        var split = views.collection("submissions").find(new Document("_id", "s-3")).first();
        assertThat(split.getString("campaignClusterId")).as("in none").isEmpty();
    }

    @Test
    void aClusterShowsItsConfirmationAndEachBureausDecisionAndAnOfficialSeesItsOwnMembers() {
        fixture.apply(views, joining("s-1", null, 0));
        fixture.apply(views, joining("s-2", "s-1", 0.9));
        fixture.apply(views, joining("s-3", "s-1", 0.9));
        fixture.apply(views, List.of(
                event("Campaign", "campaign|s-1", 0, "CampaignConfirmed", "2024-09-03T01:00:00Z", "k-c", """
                        {"clusterId":"s-1","consultationId":"c","applyDecisionsToJoiners":true,"confirmedAt":"2024-09-03T01:00:00Z"}"""),
                event("Campaign", "campaign|s-1", 1, "CampaignDecided", "2024-09-03T02:00:00Z", "k-d", """
                        {"clusterId":"s-1","consultationId":"c","decisionId":"s-1/1","bureau":"市工业和信息化局","outcome":"采纳",
                         "outcomeClass":"ACCEPTED","reason":"已吸收","memberCount":3,"decidedAt":"2024-09-03T02:00:00Z"}""")));
        CampaignCluster cluster = clusters.of("c").get(0);
        assertThat(cluster.confirmed()).isTrue();
        assertThat(cluster.applyDecisionsToJoiners()).isTrue();
        assertThat(cluster.decisions()).extracting(CampaignCluster.Decision::decisionId, CampaignCluster.Decision::bureau,
                CampaignCluster.Decision::outcome, CampaignCluster.Decision::memberCount).containsExactly(tuple("s-1/1", "市工业和信息化局", "采纳", 3));

        var all = clusters.detail("c", "s-1", new Caller("supervisor", "", Set.of(Roles.SUPERVISOR))).orElseThrow();
        assertThat(all.members()).extracting(ClusterMember::id).containsExactly("s-1", "s-2", "s-3");
        String bureau = all.members().get(1).leadBureau();
        var own = clusters.detail("c", "s-1", new Caller("official", bureau, Set.of(Roles.OFFICIAL))).orElseThrow();
        assertThat(own.members()).isNotEmpty().allMatch(m -> m.leadBureau().equals(bureau));
        assertThat(own.cluster().memberIds()).isEqualTo(own.members().stream().map(ClusterMember::id).toList());
        assertThat(own.cluster().size()).isEqualTo(3);
        assertThat(clusters.detail("c", "s-9", new Caller("supervisor", "", Set.of(Roles.SUPERVISOR)))).isEmpty();
    }
}
