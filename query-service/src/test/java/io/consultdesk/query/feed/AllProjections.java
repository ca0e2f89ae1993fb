package io.consultdesk.query.feed;

import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.campaign.CampaignClusterProjection;
import io.consultdesk.query.campaign.CampaignTermsProjection;
import io.consultdesk.query.consultation.ConsultationProjection;
import io.consultdesk.query.dashboard.DashboardSummary;
import io.consultdesk.query.publication.PublishedTableProjection;
import io.consultdesk.query.submission.SubmissionProjection;

import java.util.List;

/** The projections as the application registers them, for tests that run without Spring. */
final class AllProjections {

    static final Projections REGISTERED = new Projections(List.of(new ConsultationProjection.Registration(),
            new SubmissionProjection.Registration(), new PublishedTableProjection.Registration(), new HistoryProjection.Registration(),
            new DashboardSummary.Registration(), new CampaignClusterProjection.Registration(), new CampaignTermsProjection.Registration()));

    private AllProjections() {
    }
}
