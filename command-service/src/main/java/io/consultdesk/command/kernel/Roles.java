package io.consultdesk.command.kernel;

/** The roles ConsultDesk knows, as they appear in tokens and demo users. */
public final class Roles {

    public static final String PUBLIC = "PUBLIC";
    public static final String CLERK = "CLERK";
    public static final String OFFICIAL = "OFFICIAL";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
