package io.consultdesk.command.kernel;

import java.util.Map;

/**
 * A command the domain refuses, with its reason and what the caller should know beside it (the item's
 * current state, the items still undecided). The web layer turns each kind into its HTTP status without
 * knowing the features that refuse.
 */
public abstract class Refusal extends RuntimeException {

    /** Why the command was refused: it does not fit the current state, the actor may not, or its target does not exist. */
    public enum Kind { CONFLICT, FORBIDDEN, NOT_FOUND }

    private final Kind kind;

    protected Refusal(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Facts for the caller beside the reason, by name; none by default. */
    public Map<String, Object> facts() {
        return Map.of();
    }
}
