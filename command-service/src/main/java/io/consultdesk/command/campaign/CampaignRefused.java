package io.consultdesk.command.campaign;

import io.consultdesk.command.kernel.Refusal;

/** A command on a campaign cluster that does not fit it (another consultation's cluster, nothing to decide). */
public class CampaignRefused extends Refusal {

    public CampaignRefused(String reason) {
        super(Kind.CONFLICT, reason);
    }
}
