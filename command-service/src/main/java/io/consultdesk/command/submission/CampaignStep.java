package io.consultdesk.command.submission;

/** What a campaign decision did to one member it named. */
public enum CampaignStep {
    /** The member, led by the deciding bureau, took the decision. */
    DECIDED,
    /** The member had been decided (on its own, or by an earlier campaign decision): the decision replaced that one. */
    REVISED,
    /** The member carried this decision already: nothing changed (a decision sent again). */
    UNCHANGED,
    /** The member is led by another bureau: it got the decision as a proposal. */
    PROPOSED
}
