package io.consultdesk.command.submission;

/** The command names a consultation that does not exist. */
public class UnknownConsultation extends RuntimeException {

    public UnknownConsultation(String consultationId) {
        super("no consultation with id '" + consultationId + "'");
    }
}
