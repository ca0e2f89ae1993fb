package io.consultdesk.command.submission;

import io.consultdesk.command.campaign.CampaignDetector;
import io.consultdesk.command.campaign.CampaignDetector.Detection;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Campaign detection as a comment is received: a near-copy joins its cluster in the same unit of work as its
 * receipt (the event is part of the item's first commit: never a received item whose membership was lost), and a
 * comment that may start a campaign is remembered as a representative once its receipt is committed (never a
 * representative that was not received). A crash between the two loses no comment and no membership; the comment
 * is only missing from the index, so a later near-copy of it starts a cluster of its own.
 */
final class CampaignsOnReceipt {

    static final CampaignsOnReceipt OFF = new CampaignsOnReceipt(null);
    private static final Logger LOG = LoggerFactory.getLogger(CampaignsOnReceipt.class);

    private final CampaignDetector detector;

    CampaignsOnReceipt(CampaignDetector detector) {
        this.detector = detector;
    }

    /**
     * {@code takesDecision}: whether the comment may take its cluster's decision at once (false for an imported row
     * that brings its own decision).
     */
    void received(Aggregate<Submission> item, ReceiveSubmission command, String publicName, boolean takesDecision) {
        if (detector == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (command.submitter() != null) {
            names.add(command.submitter().name());
        }
        names.add(publicName);
        Detection detection = detector.detect(command.consultationId(), command.opinion(), names);
        if (detection.match() != null) {
            item.execute(s -> s.joinCampaign(detection.match(), command.receivedAt(), takesDecision));
        } else if (detection.representsItsOwn()) {
            CurrentUnitOfWork.get().afterCommit(unit -> {
                try {
                    detector.remember(command.consultationId(), command.submissionId(), detection);
                } catch (RuntimeException e) {
                    // the comment is received; only a later near-copy will not find it
                    LOG.warn("item {} received but not remembered for campaign detection: {}", command.submissionId(), e.toString());
                }
            });
        }
    }
}
