package io.consultdesk.query.campaign;

/**
 * A member of a cluster as the desk deciding it needs it: its state, lead bureau and outcome, the campaign decision
 * its decision came from (null when decided on its own or not decided), and the one proposed to it, if any.
 */
public record ClusterMember(String id, String state, String leadBureau, String submitterPublicName, String outcome,
                            String campaignDecisionId, String proposedDecisionId) {
}
