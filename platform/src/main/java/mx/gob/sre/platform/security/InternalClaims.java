package mx.gob.sre.platform.security;

/** Claim names of the internal token the gateway signs and every service verifies. */
public final class InternalClaims {

    /** The consulate code a staff member works for, e.g. "SJC". */
    public static final String CONSULATE = "consulate";
    /** The API client the request came through, e.g. "mobile-backend". */
    public static final String CLIENT_ID = "client_id";
    /** Space-separated OAuth-style scopes of the API client. */
    public static final String SCOPE = "scope";
    /** The CURP of a citizen caller. */
    public static final String CURP = "curp";
    /** Roles, as MicroProfile JWT expects them. */
    public static final String GROUPS = "groups";

    private InternalClaims() {
    }
}
