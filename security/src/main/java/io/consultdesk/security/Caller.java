package io.consultdesk.security;

import java.util.Set;

/** The authenticated caller: user name, bureau (officials) and roles; the public when nobody signed in. */
public record Caller(String name, String bureau, Set<String> roles) {

    /** Whoever did not sign in: no role at all. */
    public static final Caller PUBLIC = new Caller("public", "", Set.of());

    public Caller {
        bureau = bureau == null ? "" : bureau;
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Supervisors, auditors, clerks and administrators see every item; officials only their bureau's. */
    public boolean seesAllItems() {
        return hasRole(Roles.SUPERVISOR) || hasRole(Roles.AUDITOR) || hasRole(Roles.ADMIN) || hasRole(Roles.CLERK);
    }
}
