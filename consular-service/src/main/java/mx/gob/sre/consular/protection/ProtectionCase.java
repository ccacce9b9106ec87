package mx.gob.sre.consular.protection;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import mx.gob.sre.consular.protection.ProtectionTerms.AttentionChannel;
import mx.gob.sre.consular.protection.ProtectionTerms.CaseStatus;
import mx.gob.sre.consular.protection.ProtectionTerms.RiskLevel;
import mx.gob.sre.consular.protection.ProtectionTerms.ViolenceType;
import mx.gob.sre.platform.problem.ApiException;

/** A protection case. The *Enc columns hold ciphertext only (see FieldCipher). */
@Entity
@Table(name = "protection_case")
public class ProtectionCase {

    @Id
    public UUID id;

    @Column(name = "consulate_code", nullable = false)
    public String consulateCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttentionChannel channel;

    @Column(name = "violence_types", nullable = false)
    public String violenceTypes;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "first_attention_at", nullable = false)
    public Instant firstAttentionAt;

    @Column(name = "survivor_enc", nullable = false)
    public String survivorEnc;

    @Column(name = "narrative_enc", nullable = false)
    public String narrativeEnc;

    @Column(name = "safe_contact_enc", nullable = false)
    public String safeContactEnc;

    @Column(name = "interview_enc")
    public String interviewEnc;

    @Column(name = "interviewed_at")
    public Instant interviewedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public List<ViolenceType> violenceTypeList() {
        return Arrays.stream(violenceTypes.split(",")).map(ViolenceType::valueOf).toList();
    }

    public void violenceTypes(List<ViolenceType> types) {
        violenceTypes = types.stream().distinct().map(Enum::name).collect(Collectors.joining(","));
    }

    public void moveTo(CaseStatus next) {
        if (!status.canBecome(next)) {
            throw ApiException.conflict("A case that is " + status + " cannot become " + next)
                    .with("status", status.name());
        }
        status = next;
        updatedAt = Instant.now();
    }

    /** Associated data binding a ciphertext to this case and field. */
    public String aad(String field) {
        return "protection_case/" + id + "/" + field;
    }
}
