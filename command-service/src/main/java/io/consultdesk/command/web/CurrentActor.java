package io.consultdesk.command.web;

import io.consultdesk.command.kernel.Actor;
import io.consultdesk.security.Caller;
import io.consultdesk.security.CurrentCaller;
import org.springframework.stereotype.Component;

/** The actor of the current request, from the authenticated principal, as the domain knows it. */
@Component
public class CurrentActor {

    private final CurrentCaller caller;

    public CurrentActor(CurrentCaller caller) {
        this.caller = caller;
    }

    public Actor get() {
        Caller c = caller.get();
        return new Actor(c.name(), c.bureau(), c.roles());
    }
}
