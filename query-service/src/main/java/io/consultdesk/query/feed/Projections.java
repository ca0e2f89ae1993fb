package io.consultdesk.query.feed;

import io.consultdesk.query.audit.HistoryProjection;
import io.consultdesk.query.consultation.ConsultationProjection;
import io.consultdesk.query.publication.PublishedTableProjection;
import io.consultdesk.query.submission.SubmissionProjection;

import java.util.List;

/** Every projection of the read side, bound to one generation of views: the live one, or one being rebuilt. */
public final class Projections {

    private Projections() {
    }

    public static List<Projection> all(Views views) {
        return List.of(
                new ConsultationProjection(views),
                new SubmissionProjection(views),
                new PublishedTableProjection(views),
                new HistoryProjection(views));
    }

    /** Applies one event to every projection that reads it. */
    public static void apply(List<Projection> projections, EventEnvelope event) {
        for (Projection projection : projections) {
            if (projection.accepts(event)) {
                projection.apply(event);
            }
        }
    }
}
