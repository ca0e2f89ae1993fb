package io.consultdesk.command.campaignhandling;

import java.util.List;

/**
 * What an action on a campaign did to the members it named: how many were changed in each way, and each member
 * left as it was with the reason (not in the cluster, published, withdrawn …).
 */
public record MemberReport(String clusterId, String decisionId, int decided, int revised, int unchanged, int proposed,
                           int moved, List<Skipped> skipped) {

    /** A member the action left as it was, and why. */
    public record Skipped(String submissionId, String reason) {
    }
}
