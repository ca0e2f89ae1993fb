package io.consultdesk.command.submission;

/** The actor lacks the right to do this to this item (an official of another bureau, say). */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String reason) {
        super(reason);
    }
}
