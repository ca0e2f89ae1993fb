package io.consultdesk.command.kernel;

/** The actor lacks the right to do this to this item (an official of another bureau, say). */
public class NotAllowed extends Refusal {

    public NotAllowed(String reason) {
        super(Kind.FORBIDDEN, reason);
    }
}
