package mx.gob.sre.gateway.admin;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and responses of the client administration API. */
public final class ClientApi {

    static final String SCOPE = "[a-z]+:[a-z]+";

    private ClientApi() {
    }

    @Schema(name = "CreateClientRequest")
    public record CreateClient(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}") @Schema(examples = "uc-davis") String clientId,
            @NotBlank @Size(max = 200) @Schema(examples = "University of California, Davis") String name,
            @NotNull @Pattern(regexp = "institution|support-partner|ine|mobile-backend")
            @Schema(examples = "institution") String role,
            @NotEmpty @Size(max = 20) List<@Pattern(regexp = SCOPE) String> scopes,
            @Pattern(regexp = "[A-Z]{3,8}") @Schema(examples = "SJC") String consulate,
            @Min(1) @Max(100_000) Integer requestsPerSecond,
            @Min(1) @Max(1_000_000) Integer bookingsPerMinute) {
    }

    @Schema(name = "UpdateClientRequest", description = "Only the fields present are changed")
    public record UpdateClient(
            @Size(max = 200) String name,
            @Size(max = 20) List<@Pattern(regexp = SCOPE) String> scopes,
            Boolean active,
            @Min(1) @Max(100_000) Integer requestsPerSecond,
            @Min(1) @Max(1_000_000) Integer bookingsPerMinute) {
    }

    @Schema(name = "Client")
    public record ClientView(String clientId, String name, String role, List<String> scopes, String consulate,
            Integer requestsPerSecond, Integer bookingsPerMinute, boolean active, int activeKeys, Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "CreateKeyRequest")
    public record CreateKey(@Schema(description = "When the key stops working; none by default") Instant expiresAt) {
    }

    @Schema(name = "ApiKey")
    public record KeyView(String keyId, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {
    }

    @Schema(name = "IssuedApiKey", description = "The plaintext key is shown only in this response")
    public record IssuedKey(String keyId, @Schema(examples = "csk_0123456789abcdef_...") String apiKey,
            Instant createdAt, Instant expiresAt) {
    }

    @Schema(name = "AuditEntry")
    public record AuditView(long id, Instant at, String actor, String action, String target, String detail,
            String requestId) {
    }
}
