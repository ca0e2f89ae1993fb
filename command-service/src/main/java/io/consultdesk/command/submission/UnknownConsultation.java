package io.consultdesk.command.submission;

import io.consultdesk.command.kernel.Refusal;

/** The command names a consultation that does not exist. */
public class UnknownConsultation extends Refusal {

    public UnknownConsultation(String consultationId) {
        super(Kind.NOT_FOUND, "no consultation with id '" + consultationId + "'");
    }
}
