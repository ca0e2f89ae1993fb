package io.consultdesk.command.publication;

import io.consultdesk.command.kernel.Refusal;

/** No publication of this version of the consultation's table was begun. */
public class UnknownPublication extends Refusal {

    public UnknownPublication(String consultationId, int version) {
        super(Kind.NOT_FOUND, "no publication of version " + version + " of the table of consultation '" + consultationId + "' was begun");
    }
}
