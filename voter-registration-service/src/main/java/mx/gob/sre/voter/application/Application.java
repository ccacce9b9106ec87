package mx.gob.sre.voter.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import mx.gob.sre.platform.problem.ApiException;

/** A voter-card application: identity, voting state, address abroad, document checks, biometric references. */
@Entity
@Table(name = "application")
public class Application {

    public enum Source {
        CONSULAR_VERIFICATION, STAFF
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String folio;

    @Column(nullable = false)
    public String curp;

    @Column(name = "given_names", nullable = false)
    public String givenNames;

    @Column(name = "first_surname", nullable = false)
    public String firstSurname;

    @Column(name = "second_surname")
    public String secondSurname;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(nullable = false)
    public String sex;

    @Column(name = "voting_state")
    public String votingState;

    @Column(name = "nationality_proof", nullable = false)
    public String nationalityProof;

    @Column(name = "address_line1", nullable = false)
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    @Column(name = "address_city", nullable = false)
    public String addressCity;

    @Column(name = "address_region")
    public String addressRegion;

    @Column(name = "address_postal_code")
    public String addressPostalCode;

    @Column(name = "address_country", nullable = false)
    public String addressCountry;

    @Column(name = "consulate_code", nullable = false)
    public String consulateCode;

    @Column(name = "proof_of_address_issued_on", nullable = false)
    public LocalDate proofOfAddressIssuedOn;

    @Column(name = "address_in_district", nullable = false)
    public boolean addressInDistrict;

    @Column(name = "documents_verified", nullable = false)
    public boolean documentsVerified;

    @Column(name = "fingerprints_ref", nullable = false)
    public String fingerprintsRef;

    @Column(name = "photo_ref", nullable = false)
    public String photoRef;

    @Column(name = "signature_ref", nullable = false)
    public String signatureRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "verification_id")
    public UUID verificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "remediation_reasons")
    public String remediationReasons;

    @Column(name = "remediation_deadline")
    public LocalDate remediationDeadline;

    @Column(name = "delivery_attempts", nullable = false)
    public int deliveryAttempts;

    @Column(name = "held_until")
    public LocalDate heldUntil;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "election_id", nullable = false)
    public String electionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    /** Moves through the state machine, or answers 409 naming the refused transition. */
    public ApplicationStatus moveTo(ApplicationStatus next) {
        if (!status.canBecome(next)) {
            throw ApiException.conflict("An application that is " + status + " cannot become " + next)
                    .with("status", status.name()).with("rule", "invalid-transition");
        }
        ApplicationStatus previous = status;
        status = next;
        updatedAt = Instant.now();
        return previous;
    }

    public List<String> remediationReasonList() {
        return remediationReasons == null ? List.of() : Arrays.asList(remediationReasons.split(","));
    }
}
