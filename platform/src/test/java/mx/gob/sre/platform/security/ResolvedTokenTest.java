package mx.gob.sre.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

class ResolvedTokenTest {

    @Test
    void answersEveryClaimAsSmallryesPrincipalDoes() {
        JsonWebToken principal = principal();
        JsonWebToken resolved = ResolvedToken.of(principal);

        assertThat(resolved.getName()).isEqualTo(principal.getName()).isEqualTo("officer.sjc");
        assertThat(resolved.getSubject()).isEqualTo(principal.getSubject());
        assertThat(resolved.getIssuer()).isEqualTo(principal.getIssuer());
        assertThat(resolved.getTokenID()).isEqualTo(principal.getTokenID());
        assertThat(resolved.getGroups()).isEqualTo(principal.getGroups()).containsExactlyInAnyOrder("consular-officer", "staff");
        assertThat(resolved.getAudience()).isEqualTo(principal.getAudience()).containsExactly("consular-suite");
        assertThat(resolved.getExpirationTime()).isEqualTo(principal.getExpirationTime()).isEqualTo(1_800_000_300L);
        assertThat(resolved.getIssuedAtTime()).isEqualTo(principal.getIssuedAtTime()).isEqualTo(1_800_000_000L);
        assertThat(resolved.getRawToken()).isEqualTo(principal.getRawToken()).isEqualTo("header.payload.signature");
        assertThat(resolved.getClaimNames()).isEqualTo(principal.getClaimNames());
        for (String claim : principal.getClaimNames()) {
            assertThat((Object) resolved.getClaim(claim)).as(claim).isEqualTo(principal.getClaim(claim));
        }
        assertThat(resolved.<Object>getClaim(InternalClaims.CONSULATE).toString()).isEqualTo("SJC");
        assertThat(resolved.containsClaim(InternalClaims.CURP)).isTrue();
        assertThat(resolved.containsClaim("nonexistent")).isFalse();
        assertThat((Object) resolved.getClaim("nonexistent")).isNull();
    }

    @Test
    void aCallerReadsTheCustomClaimsFromIt() {
        Caller caller = new Caller();
        caller.token = ResolvedToken.of(principal());
        assertThat(caller.worksAt("sjc")).isTrue();
        assertThat(caller.curp()).contains("GOMC800101HDFRRR09");
        assertThat(caller.clientId()).contains("counter-app");
        assertThat(caller.auditId()).isEqualTo("counter-app:officer.sjc");
    }

    @Test
    void itsTextHoldsNoClaimValue() {
        assertThat(ResolvedToken.of(principal()).toString()).doesNotContain("GOMC800101HDFRRR09").doesNotContain("officer");
    }

    private static JsonWebToken principal() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://gateway.consular-suite.internal");
        claims.setSubject("officer.sjc");
        claims.setJwtId("a6c1f7f0");
        claims.setAudience("consular-suite");
        claims.setIssuedAt(NumericDate.fromSeconds(1_800_000_000L));
        claims.setExpirationTime(NumericDate.fromSeconds(1_800_000_300L));
        claims.setClaim("upn", "officer.sjc");
        claims.setStringListClaim("groups", List.of("consular-officer", "staff"));
        claims.setClaim(InternalClaims.CONSULATE, "SJC");
        claims.setClaim(InternalClaims.CURP, "GOMC800101HDFRRR09");
        claims.setClaim(InternalClaims.CLIENT_ID, "counter-app");
        claims.setClaim("realm_access", Map.of("roles", List.of("staff")));
        return new DefaultJWTCallerPrincipal("header.payload.signature", "JWT", claims);
    }
}
