package io.consultdesk.command.kernel;

import java.util.Set;

/**
 * Who issues a command, taken from the authenticated principal (never from a request body): user name,
 * bureau (for officials) and roles.
 */
public record Actor(String name, String bureau, Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
        bureau = bureau == null ? "" : bureau;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
