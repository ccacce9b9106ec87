package mx.gob.sre.consular.protection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.consular.protection.ProtectionTerms.AttentionChannel;
import mx.gob.sre.consular.protection.ProtectionTerms.CaseStatus;
import mx.gob.sre.consular.protection.ProtectionTerms.ExternalService;
import mx.gob.sre.consular.protection.ProtectionTerms.RiskLevel;
import mx.gob.sre.consular.protection.ProtectionTerms.SafeChannel;
import mx.gob.sre.consular.protection.ProtectionTerms.SharedField;
import mx.gob.sre.consular.protection.ProtectionTerms.ViolenceType;
import mx.gob.sre.platform.curp.ValidCurp;

/** Requests and responses of the protection API. */
public final class ProtectionApi {

    static final String PHONE = "\\+[1-9][0-9]{6,14}";

    private ProtectionApi() {
    }

    @Schema(name = "Survivor", description = "Identifying data; encrypted at rest, shared only with consent")
    public record Survivor(
            @NotBlank @Size(max = 200) @Schema(examples = "María López") String fullName,
            @ValidCurp String curp,
            LocalDate dateOfBirth,
            @Pattern(regexp = PHONE) String phone,
            @Email @Size(max = 254) String email,
            @Size(max = 100) @Schema(examples = "Spanish, Mixtec") String languages) {
    }

    @Schema(name = "SafeContact", description = "How to reach her without putting her at risk")
    public record SafeContact(
            @NotBlank @Size(max = 1000) @Schema(examples = "Never call the home number; text first.") String instructions,
            @NotNull SafeChannel preferredChannel,
            @Pattern(regexp = PHONE) String safePhone,
            @Email @Size(max = 254) String safeEmail) {
    }

    @Schema(name = "OpenProtectionCaseRequest")
    public record OpenCase(
            @NotNull AttentionChannel channel,
            @NotNull Instant firstAttentionAt,
            @NotEmpty @Size(max = 6) List<@NotNull ViolenceType> violenceTypes,
            @NotNull RiskLevel riskLevel,
            @NotNull @Valid Survivor survivor,
            @NotBlank @Size(max = 10_000) @Schema(description = "First attention: what happened and what was done")
            String narrative,
            @NotNull @Valid SafeContact safeContact) {
    }

    @Schema(name = "InterviewRequest")
    public record Interview(
            @NotBlank @Size(max = 20_000) String notes,
            @Schema(description = "A reassessed risk level, if it changed") RiskLevel riskLevel) {
    }

    @Schema(name = "InternalReferralRequest", description = "A referral inside the consulate through the procedure "
            + "catalogue, e.g. PASSPORT to reissue documents she fled without")
    public record InternalReferral(
            @NotNull @Pattern(regexp = "[A-Z_]{3,32}") @Schema(examples = "PASSPORT") String service,
            @Size(max = 2000) String notes) {
    }

    @Schema(name = "ConsentRequest", description = "The survivor's consent: to which services, which fields, from when")
    public record Consent(
            @NotEmpty List<@NotNull ExternalService> services,
            @NotEmpty List<@NotNull SharedField> sharedFields,
            @NotNull LocalDate givenOn,
            LocalDate expiresOn) {
    }

    @Schema(name = "ExternalReferralRequest")
    public record ExternalReferral(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}") @Schema(examples = "casa-refugio") String partner,
            @NotNull ExternalService service,
            @Size(max = 2000) @Schema(description = "Notes for the partner; shared only if NARRATIVE is consented")
            String notes) {
    }

    @Schema(name = "SupportPartnerRequest")
    public record RegisterPartner(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,63}") @Schema(description = "Its API client id at the gateway",
                    examples = "casa-refugio") String clientId,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty List<@NotNull ExternalService> services) {
    }

    @Schema(name = "ProtectionCaseSummary", description = "No identifying data")
    public record CaseSummary(UUID id, String consulate, AttentionChannel channel, List<ViolenceType> violenceTypes,
            RiskLevel riskLevel, CaseStatus status, Instant firstAttentionAt, Instant interviewedAt, Instant closedAt) {
    }

    @Schema(name = "ProtectionCase")
    public record CaseView(CaseSummary summary, Survivor survivor, String narrative, SafeContact safeContact,
            String interviewNotes, List<ConsentView> consents, List<ReferralView> referrals) {
    }

    @Schema(name = "ConsentRecord")
    public record ConsentView(UUID id, List<ExternalService> services, List<SharedField> sharedFields, LocalDate givenOn,
            LocalDate expiresOn, Instant revokedAt, String recordedBy) {
    }

    @Schema(name = "ProtectionReferral")
    public record ReferralView(UUID id, String kind, String service, String partner, String status, Instant createdAt,
            Instant acknowledgedAt) {
    }

    @Schema(name = "PartnerReferral", description = "A referral as the receiving partner sees it: only the fields "
            + "the survivor consented to share, and no case reference")
    public record PartnerReferralView(UUID id, String consulate, ExternalService service, Instant createdAt,
            String status, SharedData shared) {
    }

    @Schema(name = "SharedData")
    public record SharedData(String name, String phone, String email, SafeContact safeContact,
            List<ViolenceType> violenceTypes, RiskLevel riskLevel, String narrative) {
    }

    @Schema(name = "SupportPartner")
    public record PartnerView(String clientId, String name, String consulate, List<ExternalService> services) {
    }

    @Schema(name = "ProtectionAuditEntry")
    public record AuditView(long id, Instant at, String actor, String action, String reason, boolean breakGlass,
            String requestId) {
    }
}
