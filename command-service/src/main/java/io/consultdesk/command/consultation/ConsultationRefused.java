package io.consultdesk.command.consultation;

/** A command that does not fit the consultation's state. */
public class ConsultationRefused extends RuntimeException {

    public ConsultationRefused(String reason) {
        super(reason);
    }
}
