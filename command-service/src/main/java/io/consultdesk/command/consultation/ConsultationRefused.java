package io.consultdesk.command.consultation;

import io.consultdesk.command.kernel.Refusal;

/** A command that does not fit the consultation's state. */
public class ConsultationRefused extends Refusal {

    public ConsultationRefused(String reason) {
        super(Kind.CONFLICT, reason);
    }
}
