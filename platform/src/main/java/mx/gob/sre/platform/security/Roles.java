package mx.gob.sre.platform.security;

/**
 * The personas of ARCHITECTURE.md, as roles in the internal token the gateway signs. Services use these
 * names in {@code @RolesAllowed}.
 */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String CONSULAR_OFFICER = "consular-officer";
    public static final String PROTECTION_OFFICER = "protection-officer";
    public static final String CONSULATE_SUPERVISOR = "consulate-supervisor";
    public static final String IME_COMMITTEE_MEMBER = "ime-committee-member";
    public static final String INSTITUTION = "institution";
    public static final String SUPPORT_PARTNER = "support-partner";
    public static final String INE = "ine";
    public static final String MOBILE_BACKEND = "mobile-backend";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
