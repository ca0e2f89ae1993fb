package io.consultdesk.security;

/**
 * The roles ConsultDesk knows, as they appear in a token's {@code roles} claim and in the configured users: one
 * spelling for both services' URL rules, the write side's aggregates and the read side's pages.
 */
public final class Roles {

    public static final String CLERK = "CLERK";
    public static final String OFFICIAL = "OFFICIAL";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
