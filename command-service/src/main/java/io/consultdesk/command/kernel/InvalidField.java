package io.consultdesk.command.kernel;

/** Bad input in one named field: becomes a 400 naming it. */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
