package mx.gob.sre.platform.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the gateway vouched for it in the internal token. Services use it for the fine
 * checks: object ownership, consulate jurisdiction and case confidentiality.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public String subject() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return Arrays.stream(candidates).anyMatch(this::hasRole);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** The consulate a staff member works for; empty for citizens and machine clients. */
    public Optional<String> consulate() {
        return claim(InternalClaims.CONSULATE);
    }

    /** True when the caller is staff of the given consulate. */
    public boolean worksAt(String consulateCode) {
        return consulate().filter(code -> code.equalsIgnoreCase(consulateCode)).isPresent();
    }

    /** The citizen's own CURP when the caller is a citizen. */
    public Optional<String> curp() {
        return claim(InternalClaims.CURP);
    }

    public boolean isCitizen(String curp) {
        return hasRole(Roles.CITIZEN) && curp().filter(own -> own.equalsIgnoreCase(curp)).isPresent();
    }

    public Optional<String> clientId() {
        return claim(InternalClaims.CLIENT_ID);
    }

    public Set<String> scopes() {
        return claim(InternalClaims.SCOPE)
                .map(scope -> Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    /** A stable, non-personal identifier for audit trails: client and subject; "system" without a caller. */
    public String auditId() {
        if (subject() == null) {
            return "system";
        }
        return clientId().map(client -> client + ":").orElse("") + subject();
    }

    /**
     * Whether there is a request (and so possibly a caller) on this thread. Code that also runs from
     * consumers and schedulers asks this before touching the caller.
     */
    public static boolean inRequest() {
        return io.quarkus.arc.Arc.container().requestContext().isActive();
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
